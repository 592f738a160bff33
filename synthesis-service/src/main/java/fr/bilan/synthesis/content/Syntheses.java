package fr.bilan.synthesis.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.synthesis.access.Reader;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.storage.EncryptedDocuments;

/**
 * The synthèse's operations on a bilan its caller may reach (the edge has checked who reads): each
 * reads the synthèse, lets the aggregate decide, and writes the result whole under the version read.
 */
public class Syntheses {

    private static final Logger log = LoggerFactory.getLogger(Syntheses.class);

    private final SynthesisRepository repository;
    private final EncryptedDocuments documents;
    private final Clock clock;

    public Syntheses(SynthesisRepository repository, EncryptedDocuments documents, Clock clock) {
        this.repository = repository;
        this.documents = documents;
        this.clock = clock;
    }

    /** The bilan's synthèse; an empty draft while nothing is written. */
    public Synthesis current(Bilan bilan) {
        return repository.find(bilan.id()).orElseGet(() -> Synthesis.empty(bilan));
    }

    /** The bilan's synthèse, refused unless it is final. */
    public Synthesis finalOf(String assessmentId) {
        return repository.find(assessmentId).orElseThrow(() -> new RuleRefusal(Synthesis.NOT_FINAL)).requireFinal();
    }

    /** The consultant's revision of {@code sections}: see {@link Synthesis#write}. */
    public Synthesis write(Bilan bilan, String etag, Content sent, Set<Section> sections) {
        Synthesis read = current(bilan);
        return repository.save(read, read.write(etag, sent, sections, clock.instant()));
    }

    /** The beneficiary's observations: see {@link Synthesis#observe}. */
    public Synthesis observe(Bilan bilan, String etag, String observations) {
        Synthesis read = current(bilan);
        return repository.save(read, read.observe(etag, observations, clock.instant()));
    }

    /**
     * The revisions newest first, from the current one (when {@code afterRevision} is empty) or from
     * below {@code afterRevision}, at most {@code size}.
     */
    public List<Synthesis> revisions(Bilan bilan, Optional<Long> afterRevision, int size) {
        Synthesis current = current(bilan);
        List<Synthesis> page = new ArrayList<>();
        if (afterRevision.isEmpty() && current.revision() > 0) {
            page.add(current);
        }
        page.addAll(repository.revisionsBefore(current, afterRevision.orElse(current.revision()), size - page.size()));
        return page;
    }

    /**
     * The final PDF, opened for {@code reader}; the beneficiary's first download is recorded as the
     * hand-over ({@link Synthesis#downloadedBy}), reported to session-service by the outbox.
     */
    public byte[] download(Bilan bilan, Reader reader) {
        Synthesis synthesis = finalOf(bilan.id());
        byte[] pdf = documents.get(bilan.id(), synthesis.document().objectKey());
        synthesis.downloadedBy(reader, clock.instant()).filter(repository::recordHandover)
                .ifPresent(handedOver -> log.info("Synthesis of assessment {} handed over to its beneficiary",
                        bilan.id()));
        return pdf;
    }

    /** The final PDF of a bilan, for a share's recipient: never a hand-over. */
    public byte[] sharedDocument(String assessmentId) {
        Synthesis synthesis = finalOf(assessmentId);
        return documents.get(assessmentId, synthesis.document().objectKey());
    }
}
