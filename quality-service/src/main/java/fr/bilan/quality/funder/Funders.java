package fr.bilan.quality.funder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.bilan.quality.bilan.FunderRef;

/**
 * The funders as kept: what the managers recorded (funders added by hand, contacts of any funder), and
 * the funders the bilans' facts name; and which centres' yearly sending is done.
 */
interface Funders {

    /** Everything recorded of {@code centreId}'s funders. */
    List<Funder> recorded(String centreId);

    /** What is recorded of the funder {@code id} of {@code centreId}. */
    Optional<Funder> recorded(String centreId, String id);

    /**
     * Records {@code funder} unless one of the centre's funders has its kind, name and SIRET: the funder kept
     * either way (a retried or concurrent record keeps one).
     */
    Funder add(String centreId, Funder funder);

    /** The contact of recorded funder {@code id} becomes {@code contact}. */
    void setContact(String centreId, String id, FunderContact contact);

    /** The funders named by {@code centreId}'s bilans ended from {@code from} to before {@code until}, with how many. */
    List<FunderList.Tally> namedByBilans(String centreId, LocalDate from, LocalDate until);

    /** The funder whose derived id is {@code id} among those {@code centreId}'s bilans ever named. */
    Optional<FunderRef> namedByBilans(String centreId, String id);

    /** The centres with a funder added by hand, or named by a bilan ended from {@code from} to before {@code until}. */
    Set<String> centresWithFunders(LocalDate from, LocalDate until);

    /** Whether the yearly date asked {@code centreId}'s funders about {@code year} already. */
    boolean yearlyDone(String centreId, int year);

    /** The yearly date asked {@code centreId}'s funders about {@code year}. */
    void markYearlyDone(String centreId, int year);
}
