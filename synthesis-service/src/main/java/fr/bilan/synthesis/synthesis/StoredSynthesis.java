package fr.bilan.synthesis.synthesis;

import java.time.Instant;

import fr.bilan.proto.synthesis.v1.RevisionAuthor;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.SynthesisState;

/**
 * A synthèse as stored, its text opened. {@code version} moves on with every change (its etag);
 * {@code revision} with every save of the text.
 *
 * @param document     the stored PDF once final, else {@code null}
 * @param handoverTime when the beneficiary first downloaded it, else {@code null}
 */
record StoredSynthesis(String assessmentId, String beneficiaryId, String centreId, SynthesisState state,
        long version, long revision, RevisionAuthor author, SynthesisContent content, String observations,
        Instant updateTime, Instant finalizeTime, FinalDocument document, Instant handoverTime) {

    /** A bilan's synthèse before anything is written. */
    static StoredSynthesis empty(String assessmentId) {
        return new StoredSynthesis(assessmentId, "", "", SynthesisState.DRAFT, 0, 0,
                RevisionAuthor.REVISION_AUTHOR_UNSPECIFIED, SynthesisContent.getDefaultInstance(), "", null, null, null,
                null);
    }

    boolean isFinal() {
        return state == SynthesisState.FINAL;
    }

    /** The stored PDF of a final synthèse: where it is and what it was, never what it says. */
    record FinalDocument(int version, String objectKey, String sha256, long plainSize, long storedSize,
            Instant createTime) {
    }
}
