package fr.bilan.retention.document;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.bilan.support.refusal.RuleRefusal;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers a stored document, once per event id (delivery is at least once), counted by what it did
 * ({@code bilan.retention.documents{intake}}). A redelivery that names another object under an event
 * id already taken in is refused rather than acknowledged: acknowledging would drop the second
 * object, which then would never be destroyed. The sender's outbox keeps it and logs the refusal as
 * an error, and someone looks.
 */
@Component
public class DocumentRegistration {

    private static final Logger log = LoggerFactory.getLogger(DocumentRegistration.class);

    private final StoredDocuments documents;
    private final Clock clock;
    private final MeterRegistry meters;

    public DocumentRegistration(StoredDocuments documents, Clock clock, MeterRegistry meters) {
        this.documents = documents;
        this.clock = clock;
        this.meters = meters;
    }

    /** Registers the document; whether it was its first delivery. */
    public boolean register(StoredDocument document) {
        StoredDocuments.Intake intake = documents.takeIn(document, clock.instant());
        meters.counter("bilan.retention.documents", "intake", intake.outcome()).increment();
        if (intake.conflicts()) {
            String fields = String.join(", ", intake.conflictingFields().stream()
                    .map(field -> field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList());
            log.error("Document {} of assessment {} (held by {}) delivered again with another {}: refused, the first kept",
                    document.eventId(), document.assessmentId(), document.holder(), fields);
            throw new RuleRefusal("Un autre document a déjà été enregistré sous l'événement " + document.eventId()
                    + " (" + fields + " différents) : un identifiant d'événement désigne un seul objet stocké.");
        }
        log.info("Document {} ({}) of assessment {} (beneficiary {}, held by {}): {}", document.eventId(),
                document.kind(), document.assessmentId(), document.beneficiaryId(), document.holder(),
                intake.first() ? "taken in" : "already taken in");
        return intake.first();
    }
}
