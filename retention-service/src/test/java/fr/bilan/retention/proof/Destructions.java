package fr.bilan.retention.proof;

import java.time.Instant;
import java.util.UUID;

/** Destructions as a purge would report them, each of a document of its own. */
final class Destructions {

    static final Instant DUE = Instant.parse("2026-10-01T00:00:00Z");

    private Destructions() {
    }

    /** A synthèse of a new document, destroyed in {@code centreId} by run {@code run-1}. */
    static Destruction of(String centreId) {
        return of(centreId, new DocumentIdentity(UUID.randomUUID().toString(), "syntheses",
                "beneficiaries/ben-" + UUID.randomUUID() + "/synthese-v1.pdf"));
    }

    static Destruction of(String centreId, DocumentIdentity document) {
        return new Destruction(centreId, document, "SYNTHESIS_DOCUMENT", "R6313-7-end-of-action", "2026.1", DUE,
                DUE.plusSeconds(3_600), "run-1");
    }
}
