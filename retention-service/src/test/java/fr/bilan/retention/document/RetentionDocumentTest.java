package fr.bilan.retention.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.StoredDocument;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.retention.RetentionServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class RetentionDocumentTest extends RetentionServiceTestSupport {

    private static final String DOCUMENTS = StoredDocuments.COLLECTION;
    private static final String METER = "bilan.retention.documents";

    private static final Timestamp STORE_TIME = Timestamp.newBuilder().setSeconds(1_793_000_000L).setNanos(123_000_000)
            .build();
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static StoredDocument.Builder document(String assessment) {
        return StoredDocument.newBuilder().setEventId(UUID.randomUUID().toString()).setKind(DocumentKind.SYNTHESIS_DOCUMENT)
                .setAssessmentId(assessment).setBeneficiaryId("beneficiary-1").setCentreId("centre-lyon")
                .setHolder("synthesis-service")
                .setBucket("bilan-synthesis").setObjectKey("syntheses/" + assessment + "/v1.pdf.enc").setSha256(SHA256)
                .setSizeBytes(48_213).setStoreTime(STORE_TIME);
    }

    private static boolean register(StoredDocument document) {
        return platform().registerDocument(RegisterDocumentRequest.newBuilder().setDocument(document).build())
                .getFirstDelivery();
    }

    @Test
    void takesADocumentInOnceWithWhatItsDestructionNeeds() {
        double takenInBefore = intakes(METER, "taken_in");
        double duplicatesBefore = intakes(METER, "duplicate");
        String assessment = UUID.randomUUID().toString();
        StoredDocument document = document(assessment).build();

        assertThat(register(document)).isTrue();
        assertThat(register(document)).isFalse();
        // a second version of the same synthèse is another object: taken in beside the first
        assertThat(register(document(assessment).setObjectKey("syntheses/" + assessment + "/v2.pdf.enc").build()))
                .isTrue();

        assertThat(storedFor(DOCUMENTS, assessment)).isEqualTo(2);
        Document kept = stored(DOCUMENTS, document.getEventId());
        assertThat(kept).containsEntry("kind", "SYNTHESIS_DOCUMENT").containsEntry("assessmentId", assessment)
                .containsEntry("beneficiaryId", "beneficiary-1").containsEntry("centreId", "centre-lyon")
                .containsEntry("holder", "synthesis-service")
                .containsEntry("bucket", "bilan-synthesis").containsEntry("objectKey", document.getObjectKey())
                .containsEntry("sha256", SHA256).containsEntry("sizeBytes", 48_213L);
        assertThat(kept.getDate("storeTime").toInstant().toEpochMilli()).isEqualTo(1_793_000_000_123L);
        assertThat(kept.getDate("receiveTime")).isNotNull();
        assertThat(intakes(METER, "taken_in") - takenInBefore).isEqualTo(2);
        assertThat(intakes(METER, "duplicate") - duplicatesBefore).isEqualTo(1);
    }

    @Test
    void aRedeliveryInUpperCaseHexadecimalIsTheSameDocument() {
        StoredDocument document = document(UUID.randomUUID().toString()).build();

        assertThat(register(document)).isTrue();
        assertThat(register(document.toBuilder().setSha256(SHA256.toUpperCase()).build())).isFalse();

        assertThat(stored(DOCUMENTS, document.getEventId())).containsEntry("sha256", SHA256);
    }

    @Test
    void refusesAnotherObjectUnderAnEventIdAlreadyTakenInAndKeepsTheFirst() {
        double conflictsBefore = intakes(METER, "conflict");
        String assessment = UUID.randomUUID().toString();
        StoredDocument document = document(assessment).build();
        assertThat(register(document)).isTrue();

        var other = RegisterDocumentRequest.newBuilder().setDocument(document.toBuilder()
                .setObjectKey("syntheses/" + assessment + "/v2.pdf.enc").setSizeBytes(50_000)).build();
        assertThatThrownBy(() -> platform().registerDocument(other))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(e.getStatus().getDescription()).contains(document.getEventId())
                            .contains("object_key, size_bytes");
                });

        assertThat(storedFor(DOCUMENTS, assessment)).isEqualTo(1);
        assertThat(stored(DOCUMENTS, document.getEventId())).containsEntry("objectKey", document.getObjectKey())
                .containsEntry("sizeBytes", 48_213L);
        assertThat(intakes(METER, "conflict") - conflictsBefore).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidDocumentFieldByFieldInFrench() {
        var empty = RegisterDocumentRequest.getDefaultInstance();
        assertThat(FieldErrors.of(() -> platform().registerDocument(empty))).containsExactlyInAnyOrder(
                "document.event_id: Ce champ est obligatoire.",
                "document.kind: Indiquez le type de document : SYNTHESIS_DOCUMENT, WORKING_DOCUMENT, TEST_RESULT, "
                        + "DETAILED_RESULTS, AGREEMENT, ATTENDANCE, PROCESS_EVIDENCE.",
                "document.assessment_id: Ce champ est obligatoire.",
                "document.beneficiary_id: Ce champ est obligatoire.",
                "document.centre_id: Ce champ est obligatoire.",
                "document.holder: Ce champ est obligatoire.",
                "document.bucket: Ce champ est obligatoire.",
                "document.object_key: Ce champ est obligatoire.",
                "document.sha256: Indiquez l'empreinte SHA-256 du document : 64 caractères hexadécimaux.",
                "document.size_bytes: Indiquez la taille de l'objet stocké, en octets (plus de 0).",
                "document.store_time: Indiquez la date à laquelle le document a été stocké.");

        String assessment = UUID.randomUUID().toString();
        var wrong = RegisterDocumentRequest.newBuilder().setDocument(document(assessment)
                .setBeneficiaryId("b".repeat(65)).setBucket("b".repeat(64)).setObjectKey("k".repeat(1025))
                .setSha256(SHA256.substring(1) + "g").setSizeBytes(-1).setKindValue(99)
                .setStoreTime(Timestamp.newBuilder().setSeconds(300_000_000_000L))).build();
        assertThat(FieldErrors.fieldsOf(() -> platform().registerDocument(wrong))).containsExactlyInAnyOrder(
                "document.beneficiary_id", "document.bucket", "document.object_key", "document.sha256",
                "document.size_bytes", "document.kind", "document.store_time");
        assertThat(storedFor(DOCUMENTS, assessment)).isZero();
    }

    @Test
    void onlyAPlatformServiceMayRegisterADocument() {
        String assessment = UUID.randomUUID().toString();
        var request = RegisterDocumentRequest.newBuilder().setDocument(document(assessment)).build();

        assertOnlyAPlatformServiceMay(retention -> retention.registerDocument(request));
        assertThat(storedFor(DOCUMENTS, assessment)).isZero();
    }
}
