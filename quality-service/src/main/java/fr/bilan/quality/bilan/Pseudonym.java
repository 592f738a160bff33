package fr.bilan.quality.bilan;

import fr.bilan.support.hash.Sha256;

/**
 * A bilan's pseudonym in what auditors and managers read (the drop-outs, the audit pack): the same for a
 * bilan within its centre across packs and periods, so that lines can be followed, and never its id, which
 * opens it elsewhere.
 */
public final class Pseudonym {

    private Pseudonym() {
    }

    /** The pseudonym of {@code assessmentId} in {@code centreId}: {@code B-} and 10 hex digits. */
    public static String of(String centreId, String assessmentId) {
        return "B-" + Sha256.hex("bilan-pseudonym:" + centreId + ":" + assessmentId).substring(0, 10);
    }
}
