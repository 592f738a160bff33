package fr.bilan.quality.results;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The results of a centre (or of the network) for a period (Qualiopi's indicator 2), as published: each
 * figure with what it is computed over, hidden under {@value Figure#FIGURE_MIN} people.
 *
 * @param centreId                the centre, empty for the whole network
 * @param name                    the centre's name (or the network's), as published
 * @param computeTime             when the figures were computed
 * @param beneficiaries           the bilans ended within the period
 * @param completionRate          the share of them completed
 * @param dropOutRate             the share of them ended early
 * @param satisfactionEndOfBilan  satisfied "à chaud" answers, over the answers that scored the headline question
 * @param responseRateEndOfBilan  "à chaud" surveys answered, over those sent
 * @param satisfactionFollowUp    satisfied "à froid" answers
 * @param responseRateFollowUp    "à froid" surveys answered, over those sent
 * @param situations              the situation at six months, one share per situation, over the interviews held
 */
public record Results(String centreId, String name, Period period, Instant computeTime, Figure beneficiaries,
        Figure completionRate, Figure dropOutRate, Figure satisfactionEndOfBilan, Figure responseRateEndOfBilan,
        Figure satisfactionFollowUp, Figure responseRateFollowUp, List<SituationShare> situations) {

    public Results {
        situations = List.copyOf(situations);
    }

    /** The figures of {@code counts}. */
    public static Results of(String centreId, String name, Period period, Instant computeTime, CohortCounts counts) {
        long held = counts.held();
        List<SituationShare> situations = Arrays.stream(SituationAtSixMonths.values())
                .map(situation -> new SituationShare(situation,
                        Figure.rate(counts.heldSituations().getOrDefault(situation, 0L), held)))
                .toList();
        return new Results(centreId, name, period, computeTime, Figure.count(counts.ended()),
                Figure.rate(counts.completed(), counts.ended()), Figure.rate(counts.droppedOut(), counts.ended()),
                satisfaction(counts.endOfBilan()), responseRate(counts.endOfBilan()),
                satisfaction(counts.followUp()), responseRate(counts.followUp()), situations);
    }

    private static Figure satisfaction(CohortCounts.SurveyCounts surveys) {
        return Figure.rate(surveys.satisfied(), surveys.rated());
    }

    private static Figure responseRate(CohortCounts.SurveyCounts surveys) {
        return Figure.rate(surveys.answered(), surveys.sent());
    }

    /** The share of the interviews held that recorded one situation. */
    public record SituationShare(SituationAtSixMonths situation, Figure share) {
    }
}
