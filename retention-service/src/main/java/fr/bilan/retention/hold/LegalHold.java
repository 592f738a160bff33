package fr.bilan.retention.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.bilan.retention.rules.LegalHoldChange;

/**
 * A legal hold on a bilan (a control, a dispute): none of its documents is destroyed while it
 * stands. Lifted, it stays on record.
 *
 * @param reason     a few words without personal data, as whoever set it wrote them
 * @param liftTime   empty while it stands
 */
public record LegalHold(String id, String assessmentId, String centreId, String reason, String createBy,
        Instant createTime, Optional<String> liftBy, Optional<Instant> liftTime, Optional<String> liftReason) {

    /** Whether it still stands. */
    public boolean standing() {
        return liftTime.isEmpty();
    }

    /** How the policy reads it: set at its creation, lifted at its lifting. */
    public List<LegalHoldChange> changes() {
        List<LegalHoldChange> changes = new ArrayList<>(2);
        changes.add(new LegalHoldChange(id, createTime, true));
        liftTime.ifPresent(lifted -> changes.add(new LegalHoldChange(id, lifted, false)));
        return changes;
    }
}
