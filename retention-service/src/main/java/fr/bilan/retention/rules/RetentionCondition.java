package fr.bilan.retention.rules;

import java.time.Instant;
import java.util.Optional;


/**
 * When a retention rule applies, as the beneficiary's consents stand at the time of the decision.
 * The rules file names it in kebab case ({@code follow-up-retention-granted}).
 */
public enum RetentionCondition {
    ALWAYS {
        @Override
        boolean holds(BilanTimeline timeline, Instant now) {
            return true;
        }
    },
    /** The beneficiary agreed in writing to keep documents for the follow-up (R6313-7 b). */
    FOLLOW_UP_RETENTION_GRANTED {
        @Override
        boolean holds(BilanTimeline timeline, Instant now) {
            return timeline.consentGranted(ConsentKind.FOLLOW_UP_RETENTION, null, now);
        }
    },
    /** The synthèse goes to the beneficiary's CEP advisor (R6313-7 a, L6313-4 third paragraph). */
    CEP_SYNTHESIS_SHARING_GRANTED {
        @Override
        boolean holds(BilanTimeline timeline, Instant now) {
            return timeline.consentGranted(ConsentKind.SYNTHESIS_SHARING, RecipientKind.CEP_ADVISOR, now);
        }
    };

    abstract boolean holds(BilanTimeline timeline, Instant now);

    /**
     * The last instant after {@code after} and at or before {@code now} at which the condition
     * stopped holding (a consent withdrawn then, after being granted); empty if it never did.
     */
    Optional<Instant> lastStopped(BilanTimeline timeline, Instant after, Instant now) {
        Instant last = null;
        for (ConsentRecord consent : timeline.consents()) {
            Instant time = consent.recordTime();
            // the facts just before that instant are those recorded before it
            if (time.isAfter(after) && !time.isAfter(now) && (last == null || time.isAfter(last))
                    && holds(timeline, time.minusNanos(1)) && !holds(timeline, time)) {
                last = time;
            }
        }
        return Optional.ofNullable(last);
    }
}
