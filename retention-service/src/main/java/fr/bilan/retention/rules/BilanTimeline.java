package fr.bilan.retention.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;


/**
 * What happened to a bilan that decides how long its documents live. The policy reads the facts
 * known at the time of a decision: those dated at or before it.
 *
 * @param actionEnd empty while the action runs
 * @param consents  the beneficiary's consent ledger, in ledger order
 * @param holds     the legal holds set and lifted on the bilan, in time order
 */
public record BilanTimeline(Instant actionStart, Optional<Instant> actionEnd, List<ConsentRecord> consents,
        List<LegalHoldChange> holds) {

    public BilanTimeline {
        consents = List.copyOf(consents);
        holds = List.copyOf(holds);
    }

    /** The end of the action if it had ended at {@code now}. */
    Optional<Instant> endAt(Instant now) {
        return actionEnd.filter(end -> !end.isAfter(now));
    }

    /** Whether the latest record of that consent at {@code now} grants it. */
    boolean consentGranted(ConsentKind kind, RecipientKind recipientKind, Instant now) {
        ConsentDecision latest = ConsentDecision.WITHDRAWN;
        for (ConsentRecord consent : consents) {
            if (consent.kind() == kind && Objects.equals(consent.recipientKind(), recipientKind)
                    && !consent.recordTime().isAfter(now)) {
                latest = consent.decision();
            }
        }
        return latest == ConsentDecision.GRANTED;
    }

    /** Whether any hold stands at {@code now}: set and not lifted since. */
    boolean heldAt(Instant now) {
        Map<String, Boolean> standing = new HashMap<>();
        for (LegalHoldChange change : holds) {
            if (!change.time().isAfter(now)) {
                standing.put(change.holdId(), change.set());
            }
        }
        return standing.containsValue(true);
    }
}
