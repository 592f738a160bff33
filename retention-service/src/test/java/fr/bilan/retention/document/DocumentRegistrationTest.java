package fr.bilan.retention.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.support.testing.MemoryMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Registering a stored document, without gRPC: once per event id, and never two objects under one. */
class DocumentRegistrationTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DocumentRegistration registration = new DocumentRegistration(
            new StoredDocuments(MONGO.freshDatabase()), Clock.fixed(NOW, ZoneOffset.UTC), meters);

    @Test
    void aRedeliveryIsAcknowledgedWithoutEffect() {
        assertThat(registration.register(document("assessments/a", 10))).isTrue();
        assertThat(registration.register(document("assessments/a", 10))).isFalse();

        assertThat(meters.counter("bilan.retention.documents", "intake", "taken_in").count()).isEqualTo(1);
        assertThat(meters.counter("bilan.retention.documents", "intake", "duplicate").count()).isEqualTo(1);
    }

    @Test
    void anotherObjectUnderAnEventIdTakenInIsARuleRefusalNamingTheFields() {
        registration.register(document("assessments/a", 10));

        assertThatThrownBy(() -> registration.register(document("assessments/b", 20)))
                .isInstanceOf(RuleRefusal.class)
                .hasMessage("Un autre document a déjà été enregistré sous l'événement event-1 (object_key, size_bytes "
                        + "différents) : un identifiant d'événement désigne un seul objet stocké.");
        assertThat(meters.counter("bilan.retention.documents", "intake", "conflict").count()).isEqualTo(1);
    }

    private static StoredDocument document(String key, long size) {
        return new StoredDocument("event-1", DocumentKind.SYNTHESIS_DOCUMENT, "bilan-1", "beneficiary-1", "centre-1",
                "synthesis-service", "bilan-synthesis", key, "ab".repeat(32), size, NOW.minusSeconds(60));
    }
}
