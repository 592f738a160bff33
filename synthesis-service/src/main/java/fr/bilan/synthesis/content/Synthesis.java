package fr.bilan.synthesis.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.support.resources.Etags;
import fr.bilan.synthesis.access.Reader;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanState;

/**
 * A bilan's synthèse and the rules of its life: the consultant writes a draft section by section, the
 * beneficiary adds their observations to what is proposed, the consultant makes it final once the
 * conclusion phase runs and every required section is written, and the beneficiary's first download
 * of the final document is its legal hand-over. Immutable: each change gives the next synthèse, written
 * whole by {@link SynthesisRepository} under the version it was read at. {@code version} moves on with
 * every change (its etag); {@code revision} with every save of the text.
 *
 * @param author       who wrote the current revision; {@code null} before the first one
 * @param document     the stored PDF once final, else {@code null}
 * @param handoverTime when the beneficiary first downloaded it, else {@code null}
 */
public record Synthesis(String assessmentId, String beneficiaryId, String centreId, State state, long version,
        long revision, Author author, Content content, String observations, Instant updateTime,
        Instant finalizeTime, FinalDocument document, Instant handoverTime) {

    /** A draft changes; a final synthèse no longer does. */
    public enum State {
        DRAFT, FINAL
    }

    /** Who wrote a revision. */
    public enum Author {
        CONSULTANT, BENEFICIARY
    }

    /** The stored PDF of a final synthèse: where it is and what it was, never what it says. */
    public record FinalDocument(int version, String objectKey, String sha256, long plainSize, long storedSize,
            Instant createTime) {
    }

    static final String NOT_FINAL = "La synthèse de ce bilan n'est pas encore finalisée.";
    static final String STALE = "La synthèse a été modifiée entre-temps : relisez-la avant de l'enregistrer.";

    /** A bilan's synthèse before anything is written. */
    public static Synthesis empty(Bilan bilan) {
        return new Synthesis(bilan.id(), bilan.beneficiaryId(), bilan.centreId(), State.DRAFT, 0, 0, null,
                Content.EMPTY, "", null, null, null, null);
    }

    public boolean isFinal() {
        return state == State.FINAL;
    }

    /** The required sections still missing, in the order of the document. */
    public List<Section> missingSections() {
        return Section.missingIn(content);
    }

    /**
     * The consultant's next revision: {@code sections} of {@code sent} replace those of the draft the
     * caller read ({@code etag}), each whole, within the content's limits.
     */
    public Synthesis write(String etag, Content sent, Set<Section> sections, Instant now) {
        draftAt(etag);
        Content written = content;
        for (Section section : sections) {
            written = written.with(section, sent);
        }
        ContentLimits.check(written);
        return revised(Author.CONSULTANT, written, observations, now);
    }

    /** The beneficiary's observations on the draft their consultant proposes. */
    public Synthesis observe(String etag, String newObservations, Instant now) {
        ContentLimits.checkObservations(newObservations);
        draftAt(etag);
        if (revision == 0) {
            throw new RuleRefusal("Votre consultant n'a encore rien rédigé : vos observations portent sur la synthèse "
                    + "qu'il vous propose.");
        }
        return revised(Author.BENEFICIARY, content, newObservations, now);
    }

    /**
     * Refuses what {@link #finalise} would refuse: a synthèse that is final already or changed since
     * {@code etag}, a bilan out of its conclusion phase, a required section missing. Checked before
     * the document is made, so that nothing is rendered or stored for a synthèse that cannot be final.
     */
    public void requireFinalisable(String etag, BilanState bilanState) {
        draftAt(etag);
        if (bilanState != BilanState.CONCLUSION) {
            throw new RuleRefusal("La synthèse se finalise pendant la phase de conclusion du bilan.");
        }
        List<Section> missing = missingSections();
        if (!missing.isEmpty()) {
            throw new SectionsMissing(missing);
        }
    }

    /** The final synthèse, its PDF {@code finalDocument} stored: it no longer changes. */
    public Synthesis finalise(String etag, BilanState bilanState, FinalDocument finalDocument, Instant now) {
        requireFinalisable(etag, bilanState);
        return new Synthesis(assessmentId, beneficiaryId, centreId, State.FINAL, version + 1, revision, author,
                content, observations, updateTime, now, finalDocument, null);
    }

    /** This synthèse if it is final: only a final one is downloaded or shared. */
    public Synthesis requireFinal() {
        if (!isFinal()) {
            throw new RuleRefusal(NOT_FINAL);
        }
        return this;
    }

    /**
     * The synthèse handed over, when {@code reader} downloading it now is its hand-over: the
     * beneficiary's first download of the final document (R6313-4, BILAN.md); empty otherwise (the
     * consultant's downloads, or a later one).
     */
    public Optional<Synthesis> downloadedBy(Reader reader, Instant now) {
        requireFinal();
        if (reader != Reader.BENEFICIARY || handoverTime != null) {
            return Optional.empty();
        }
        return Optional.of(new Synthesis(assessmentId, beneficiaryId, centreId, state, version + 1, revision, author,
                content, observations, updateTime, finalizeTime, document, now));
    }

    /** This draft, if the caller's etag names it; a final synthèse no longer changes. */
    private void draftAt(String etag) {
        if (isFinal()) {
            throw new RuleRefusal("La synthèse est finalisée : elle ne change plus.");
        }
        if (Etags.expectedVersion(etag, version) != version) {
            throw new Conflict(STALE);
        }
    }

    private Synthesis revised(Author by, Content newContent, String newObservations, Instant now) {
        return new Synthesis(assessmentId, beneficiaryId, centreId, State.DRAFT, version + 1, revision + 1, by,
                newContent, newObservations, now, null, null, null);
    }
}
