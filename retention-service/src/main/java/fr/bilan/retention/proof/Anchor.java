package fr.bilan.retention.proof;

import java.time.Instant;

/**
 * The entry a piece of a chain hangs from: the one just before its first entry, or the
 * {@link #GENESIS} before a chain's first. An export carries it, so that it verifies alone.
 */
public record Anchor(long sequence, String hash, Instant certifiedAt) {

    /** Before entry 1: sequence 0, a hash of 64 zeros. */
    public static final Anchor GENESIS = new Anchor(0, "0".repeat(64), Instant.EPOCH);
}
