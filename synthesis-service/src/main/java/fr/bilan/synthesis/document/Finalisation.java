package fr.bilan.synthesis.document;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.refusal.Conflict;
import fr.bilan.synthesis.bilan.Beneficiary;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.synthesis.content.Syntheses;
import fr.bilan.synthesis.content.Synthesis;
import fr.bilan.synthesis.content.Synthesis.FinalDocument;
import fr.bilan.synthesis.content.SynthesisRepository;
import fr.bilan.synthesis.rendering.PdfRenderer;
import fr.bilan.synthesis.rendering.SynthesisPrint;
import fr.bilan.synthesis.storage.EncryptedDocuments;
import fr.bilan.synthesis.storage.ObjectKeys;
import fr.bilan.synthesis.storage.StoredObject;

/**
 * Making a synthèse final: render its PDF, seal and upload it, then record it in the same write that
 * makes the synthèse final ({@link Synthesis#finalise}). A crash in between leaves an object no
 * synthèse records: the orphan reconciler removes it, and the synthèse is still a draft to finalise
 * again. A write refused because the draft changed meanwhile surely recorded nothing: its object is
 * removed at once.
 */
public class Finalisation {

    private static final Logger log = LoggerFactory.getLogger(Finalisation.class);

    private final Syntheses syntheses;
    private final SynthesisRepository repository;
    private final BilanDirectory directory;
    private final PdfRenderer renderer;
    private final EncryptedDocuments documents;
    private final ZoneId zone;
    private final Clock clock;

    /** @param zone the time zone of the dates the document prints */
    public Finalisation(Syntheses syntheses, SynthesisRepository repository, BilanDirectory directory,
            PdfRenderer renderer, EncryptedDocuments documents, ZoneId zone, Clock clock) {
        this.syntheses = syntheses;
        this.repository = repository;
        this.directory = directory;
        this.renderer = renderer;
        this.documents = documents;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * The bilan's synthèse made final, signed by {@code consultantName}; as it is when it is final
     * already (finalising twice changes nothing).
     */
    public Synthesis finalise(Bilan bilan, String etag, String consultantName) {
        Synthesis draft = syntheses.current(bilan);
        if (draft.isFinal()) {
            return draft;
        }
        draft.requireFinalisable(etag, bilan.state());
        Beneficiary beneficiary = directory.beneficiary(bilan.beneficiaryId());
        Instant now = clock.instant();
        byte[] pdf = renderer.renderSynthesis(new SynthesisPrint(bilan.centreId(), beneficiary.fullName(),
                consultantName, directory.course(bilan, zone), now.atZone(zone).toLocalDate(), 1, draft.content(),
                draft.observations()));
        String objectKey = ObjectKeys.synthesis(bilan.id(), UUID.randomUUID().toString());
        StoredObject stored = documents.put(bilan.id(), objectKey, pdf);
        try {
            Synthesis done = repository.makeFinal(draft, draft.finalise(etag, bilan.state(), new FinalDocument(1,
                    objectKey, stored.sha256(), stored.plainSize(), stored.storedSize(), now), now));
            log.info("Synthesis of assessment {} made final: {} ({} bytes)", bilan.id(), objectKey, stored.plainSize());
            return done;
        } catch (Conflict changed) {
            // changed meanwhile, so surely not recorded: the object is nobody's, the reconciler need not wait
            // (any other failure may hide a write that happened: the reconciler decides later, by the record)
            documents.remove(objectKey);
            throw changed;
        }
    }
}
