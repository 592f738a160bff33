package fr.bilan.retention.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.consent.ConsentChanges;
import fr.bilan.retention.hold.LegalHold;
import fr.bilan.retention.hold.LegalHolds;
import fr.bilan.retention.rules.BilanTimeline;
import fr.bilan.retention.rules.LegalHoldChange;

/**
 * Gathers what happened to bilans, as the policy reads it: their action end, their beneficiary's
 * consent ledger, their legal holds. Three queries for any number of bilans, so that the purge
 * decides a batch of a thousand documents in as many round trips as one.
 */
@Component
public class Timelines {

    private final ActionEnds ends;
    private final ConsentChanges consents;
    private final LegalHolds holds;

    public Timelines(ActionEnds ends, ConsentChanges consents, LegalHolds holds) {
        this.ends = ends;
        this.consents = consents;
        this.holds = holds;
    }

    /**
     * The timelines of the bilans that have ended, by assessment id; a bilan whose action runs has
     * none (nothing is due before an end).
     *
     * @param beneficiaries assessment id → its beneficiary's id
     */
    public Map<String, BilanTimeline> of(Map<String, String> beneficiaries) {
        Set<String> assessments = beneficiaries.keySet();
        var ended = ends.endsOf(assessments);
        if (ended.isEmpty()) {
            return Map.of();
        }
        var ledgers = consents.ledgersOf(ended.keySet().stream().map(beneficiaries::get).toList());
        Map<String, List<LegalHoldChange>> holdChanges = new HashMap<>();
        for (LegalHold hold : holds.of(ended.keySet())) {
            holdChanges.computeIfAbsent(hold.assessmentId(), id -> new ArrayList<>()).addAll(hold.changes());
        }
        Map<String, BilanTimeline> timelines = new HashMap<>();
        ended.forEach((assessment, end) -> timelines.put(assessment, new BilanTimeline(end.startTime(),
                Optional.of(end.endTime()), ledgers.getOrDefault(beneficiaries.get(assessment), List.of()),
                holdChanges.getOrDefault(assessment, List.of()))));
        return timelines;
    }
}
