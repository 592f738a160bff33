package fr.bilan.retention.proof;

/**
 * What verifying a chain, or a piece of one, found: intact, or broken at {@code brokenSequence},
 * and why; either way, how many entries it walked intact and the hash of the last of them (the
 * anchor's when none): when intact, the next piece's anchor.
 */
public record ChainVerification(boolean intact, long count, String headHash, long brokenSequence, ChainBreak reason) {

    static ChainVerification intact(long count, String headHash) {
        return new ChainVerification(true, count, headHash, 0, null);
    }

    static ChainVerification broken(long sequence, ChainBreak reason, long count, String headHash) {
        return new ChainVerification(false, count, headHash, sequence, reason);
    }

    /** For logs. */
    @Override
    public String toString() {
        return intact ? "chain intact: " + count + " entries, head " + headHash
                : "chain broken at sequence " + brokenSequence + ": " + reason.english();
    }

    /** For people: the auditors of a centre. */
    public String frenchMessage() {
        return intact ? "Chaîne intègre : " + count + " certificats, dernière empreinte " + headHash + "."
                : "Chaîne rompue au certificat n° " + brokenSequence + " : " + reason.french() + ".";
    }
}
