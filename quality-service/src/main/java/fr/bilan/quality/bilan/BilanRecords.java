package fr.bilan.quality.bilan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The bilans' facts as kept: the latest revision of each. */
public interface BilanRecords {

    /**
     * Keeps {@code record} when it is newer than what is kept (or nothing is) and answers what was kept
     * before it; the same revision changes nothing and answers it as both; an older one answers empty.
     */
    Optional<Recorded> record(BilanRecord record);

    /** The facts kept of a bilan. */
    Optional<BilanRecord> byId(String assessmentId);

    /** Forgets a bilan's facts (its process evidence destroyed); answers whether there were any. */
    boolean erase(String assessmentId);

    /** A revision kept: what was kept before it (empty for the first) and the record kept now. */
    record Recorded(Optional<BilanRecord> previous, BilanRecord current) {
    }

    /**
     * A centre's bilans ended without being completed ({@link Outcome#dropOut()}) from {@code from}
     * (included) to {@code until} (excluded), the latest end first.
     */
    List<BilanRecord> dropOutsEndedBetween(String centreId, LocalDate from, LocalDate until);

    /**
     * A centre's bilans whose action took place, at least in part, on the days from {@code firstDay} to
     * before {@code endDay}: started before {@code endDay} and not ended before {@code firstDay}, or, never
     * started, ended within those days. In no particular order.
     */
    List<BilanRecord> underWay(String centreId, LocalDate firstDay, LocalDate endDay);

    /** The facts kept of the bilans {@code assessmentIds} (those known), in no particular order. */
    List<BilanRecord> byIds(List<String> assessmentIds);
}
