package fr.bilan.quality.funder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import fr.bilan.quality.bilan.FunderRef;
import fr.bilan.quality.survey.FunderSurveys;
import fr.bilan.quality.survey.Survey;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.refusal.NotFound;

/**
 * A centre's funders and their yearly survey: the year's list, a funder recorded (added by hand, or its
 * contact named), the year's surveys sent to every funder with a contact not asked yet. The year is the
 * centre's, by its zone. Contacts are business contacts of companies and public bodies: no access record,
 * and their address is never logged.
 */
@Service
public class CentreFunders {

    /** A funder of the year and its survey of that year, or null before it is sent. */
    public record FunderOfYear(Funder funder, Survey survey) {
    }

    /** What sending did: funders asked now, funders left out for want of a contact, funders asked before. */
    public record Sending(int sent, int withoutContact, int alreadyAsked) {
    }

    private final Funders funders;
    private final FunderSurveys surveys;
    private final Centres centres;
    private final Clock clock;

    CentreFunders(Funders funders, FunderSurveys surveys, Centres centres, Clock clock) {
        this.funders = funders;
        this.surveys = surveys;
        this.centres = centres;
        this.clock = clock;
    }

    /** The funders of {@code centreId} for {@code year} (the current one for 0), by name. */
    public List<FunderOfYear> list(String centreId, int year) {
        int listed = FunderYears.listed(year, today(centreId));
        Map<String, Survey> asked = surveysOf(centreId, listed);
        return ofYear(centreId, listed).stream().map(funder -> new FunderOfYear(funder, asked.get(funder.id()))).toList();
    }

    /** Records {@code draft}: a new funder, or the contact of the one it names; the same again changes nothing. */
    public Funder record(String centreId, FunderDraft draft) {
        draft.check();
        Funder recorded;
        if (draft.isNew()) {
            FunderRef ref = new FunderRef(draft.kind(), draft.name(), draft.siret());
            String derived = Funder.derivedId(centreId, ref);
            // a funder the bilans already name keeps the id they give it, so that the two are one
            boolean named = funders.namedByBilans(centreId, derived).isPresent();
            recorded = funders.add(centreId, draft.asNew(named ? derived : UUID.randomUUID().toString(),
                    named ? FunderOrigin.FROM_BILANS : FunderOrigin.ADDED_BY_HAND));
        } else {
            recorded = funders.recorded(centreId, draft.id()).orElseGet(() -> funders.namedByBilans(centreId, draft.id())
                    .map(ref -> funders.add(centreId, new Funder(draft.id(), ref.kind(), ref.name(), ref.siret(),
                            FunderOrigin.FROM_BILANS, null, 0)))
                    .orElseThrow(() -> new NotFound("Ce financeur n'est pas un financeur du centre.")));
            draft.checkNames(recorded);
        }
        if (draft.contact() == null || draft.contact().equals(recorded.contact())) {
            return recorded;
        }
        funders.setContact(centreId, recorded.id(), draft.contact());
        return recorded.withContact(draft.contact());
    }

    /** Sends the survey of {@code year} to each of its funders with a contact, not asked yet. */
    public Sending send(String centreId, int year) {
        int asked = FunderYears.sendable(year, today(centreId));
        Instant now = clock.instant();
        Map<String, Survey> before = surveysOf(centreId, asked);
        int sent = 0;
        int withoutContact = 0;
        int alreadyAsked = 0;
        for (Funder funder : ofYear(centreId, asked)) {
            if (before.containsKey(funder.id())) {
                alreadyAsked++;
            } else if (funder.contact() == null) {
                withoutContact++;
            } else if (surveys.ask(centreId, funder.id(), asked, now).sentNow()) {
                sent++;
            } else {
                alreadyAsked++;
            }
        }
        return new Sending(sent, withoutContact, alreadyAsked);
    }

    private List<Funder> ofYear(String centreId, int year) {
        return FunderList.of(centreId, funders.namedByBilans(centreId, LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1)), funders.recorded(centreId));
    }

    private Map<String, Survey> surveysOf(String centreId, int year) {
        return surveys.ofYear(centreId, year).stream().collect(Collectors.toMap(Survey::funderId, Function.identity()));
    }

    private LocalDate today(String centreId) {
        return LocalDate.ofInstant(clock.instant(), centres.of(centreId).zoneId());
    }
}
