package fr.bilan.retention.proof;

import java.time.Instant;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Verifies a centre's chain, or a piece of it, from its anchor: in the order given, every entry
 * must be the centre's, carry the next sequence, give its own hash and link to the hash before it.
 * What it cannot see alone: entries cut from the end, or the last one rewritten; the head hash it
 * returns, kept outside (an export's footer, the next export's anchor), closes that gap.
 */
public final class CertificateChain {

    private CertificateChain() {
    }

    /** Verifies {@code entries}, which follow {@code anchor} in {@code centreId}'s chain. */
    public static ChainVerification verify(String centreId, Anchor anchor, Iterable<DestructionCertificate> entries) {
        return verify(centreId, anchor, entries, certifiedAt -> true);
    }

    /** As {@link #verify(String, Anchor, Iterable)}, every entry also certified at a time {@code inPeriod} accepts. */
    static ChainVerification verify(String centreId, Anchor anchor, Iterable<DestructionCertificate> entries,
            Predicate<Instant> inPeriod) {
        long expected = anchor.sequence() + 1;
        String previousHash = anchor.hash();
        long count = 0;
        Iterator<DestructionCertificate> walk = entries.iterator();
        while (walk.hasNext()) {
            DestructionCertificate entry = walk.next();
            if (entry.sequence() < expected) {
                return ChainVerification.broken(entry.sequence(), ChainBreak.OUT_OF_ORDER, count, previousHash);
            }
            if (entry.sequence() > expected) {
                return ChainVerification.broken(expected, comesLater(expected, walk) ? ChainBreak.OUT_OF_ORDER
                        : ChainBreak.MISSING, count, previousHash);
            }
            if (!entry.centreId().equals(centreId)) {
                return ChainVerification.broken(expected, ChainBreak.OTHER_CENTRE, count, previousHash);
            }
            if (!entry.expectedHash().equals(entry.hash())) {
                return ChainVerification.broken(expected, ChainBreak.ALTERED, count, previousHash);
            }
            if (!entry.previousHash().equals(previousHash)) {
                return ChainVerification.broken(expected, ChainBreak.LINK_BROKEN, count, previousHash);
            }
            if (!inPeriod.test(entry.certifiedAt())) {
                return ChainVerification.broken(expected, ChainBreak.OUTSIDE_PERIOD, count, previousHash);
            }
            previousHash = entry.hash();
            expected++;
            count++;
        }
        return ChainVerification.intact(count, previousHash);
    }

    /** Whether the entry numbered {@code sequence}, not where it should be, is further on (moved) or nowhere (removed). */
    private static boolean comesLater(long sequence, Iterator<DestructionCertificate> rest) {
        while (rest.hasNext()) {
            if (rest.next().sequence() == sequence) {
                return true;
            }
        }
        return false;
    }
}
