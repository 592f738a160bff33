package fr.bilan.quality.results;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the store counts of a cohort (the bilans ended within a period, their surveys and follow-ups):
 * numbers of people only, never who.
 *
 * @param ended           bilans ended within the period
 * @param completed       of which completed
 * @param droppedOut      of which ended early (withdrawn, abandoned, interrupted)
 * @param endOfBilan      the "à chaud" surveys
 * @param followUp        the "à froid" surveys
 * @param heldSituations  follow-up interviews held, by the situation they recorded
 */
public record CohortCounts(long ended, long completed, long droppedOut, SurveyCounts endOfBilan,
        SurveyCounts followUp, Map<SituationAtSixMonths, Long> heldSituations) {

    public CohortCounts {
        var situations = new EnumMap<SituationAtSixMonths, Long>(SituationAtSixMonths.class);
        situations.putAll(heldSituations);
        heldSituations = Map.copyOf(situations);
        if (completed + droppedOut > ended) {
            throw new IllegalArgumentException("more bilans completed or dropped out than ended");
        }
    }

    /** The follow-up interviews held that recorded a situation. */
    public long held() {
        return heldSituations.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The surveys of one kind.
     *
     * @param sent      sent to the beneficiary (answered or not since)
     * @param answered  of which answered
     * @param rated     of which answered with the headline scale question scored
     * @param satisfied of which scored satisfied
     */
    public record SurveyCounts(long sent, long answered, long rated, long satisfied) {

        public static final SurveyCounts NONE = new SurveyCounts(0, 0, 0, 0);

        public SurveyCounts {
            if (satisfied < 0 || satisfied > rated || rated > answered || answered > sent) {
                throw new IllegalArgumentException("inconsistent survey counts " + sent + "/" + answered + "/" + rated
                        + "/" + satisfied);
            }
        }
    }
}
