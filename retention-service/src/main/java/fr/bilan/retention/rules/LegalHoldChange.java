package fr.bilan.retention.rules;

import java.time.Instant;

/**
 * A legal hold set on a bilan or lifted (litigation, a control under way). Several holds may stand
 * at once; each is lifted by its own id.
 *
 * @param set {@code true} when the hold is set, {@code false} when it is lifted
 */
public record LegalHoldChange(String holdId, Instant time, boolean set) {
}
