package fr.bilan.quality.followup;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import fr.bilan.support.refusal.Conflict;

/**
 * A change of a bilan's follow-up under its version: read, changed, written if still at the version read,
 * else read again (a concurrent change, say the consultant's and the link's at once, is never overwritten).
 */
final class FollowUpChanges {

    /** Retries before answering a conflict: concurrent changes of one follow-up are a handful at most. */
    private static final int ATTEMPTS = 5;

    private FollowUpChanges() {
    }

    /** The follow-up changed by {@code change} and kept; empty when the bilan has none. */
    static Optional<FollowUp> apply(FollowUps followUps, String assessmentId, UnaryOperator<FollowUp> change) {
        return apply(followUps, assessmentId, change, (read, changed) -> false);
    }

    /**
     * The same, its consultant told in the same write (the follow-up notice armed) when {@code tell} says so of
     * the follow-up read and the change.
     */
    static Optional<FollowUp> apply(FollowUps followUps, String assessmentId, UnaryOperator<FollowUp> change,
            BiPredicate<FollowUp, FollowUp> tell) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<FollowUp> read = followUps.byId(assessmentId);
            if (read.isEmpty()) {
                return read;
            }
            FollowUp changed = change.apply(read.get());
            if (changed.equals(read.get())) {
                return read;
            }
            Optional<FollowUp> kept = tell.test(read.get(), changed)
                    ? followUps.replaceTellingConsultant(read.get(), changed)
                    : followUps.replace(read.get(), changed);
            if (kept.isPresent()) {
                return kept;
            }
        }
        throw new Conflict("L'entretien de suivi de ce bilan change en ce moment : réessayez dans un instant.");
    }
}
