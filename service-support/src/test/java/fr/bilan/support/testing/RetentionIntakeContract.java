package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.proto.retention.internal.v1.ConsentChange;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc.RetentionServiceBlockingStub;
import fr.bilan.proto.retention.internal.v1.StoredDocument;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * What the outbox relays count on from retention-service's intake ({@code RetentionService}),
 * whoever answers: the real service, or {@link FakeRetention} in the relays' tests. A fake passes
 * the same tests: each event is taken in once per event id (a redelivery is acknowledged, not
 * taken in again), an event id the real one could not keep is refused naming its field, and only
 * a platform service may send.
 */
public abstract class RetentionIntakeContract extends GrpcServiceTestSupport {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** The channel to the retention service under test. */
    protected abstract Channel retention();

    private RetentionServiceBlockingStub as(String token) {
        return RetentionServiceGrpc.newBlockingStub(retention()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private RetentionServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static RecordConsentChangeRequest change(String eventId) {
        return RecordConsentChangeRequest.newBuilder().setChange(ConsentChange.newBuilder().setEventId(eventId)
                .setBeneficiaryId(newId()).setSequence(1).setKind("PARTICIPATION").setDecision("GRANTED")
                .setRecordTime(ProtoTime.of(T0))).build();
    }

    private static RecordActionEndRequest actionEnd(String eventId) {
        return RecordActionEndRequest.newBuilder().setActionEnd(ActionEnd.newBuilder().setEventId(eventId)
                .setAssessmentId(newId()).setBeneficiaryId(newId()).setCentreId("centre-lyon").setOutcome("COMPLETED")
                .setStartTime(ProtoTime.of(T0)).setEndTime(ProtoTime.of(T0.plusSeconds(86_400 * 60)))).build();
    }

    private static RegisterDocumentRequest document(String eventId) {
        return RegisterDocumentRequest.newBuilder().setDocument(StoredDocument.newBuilder().setEventId(eventId)
                .setKind(DocumentKind.SYNTHESIS_DOCUMENT).setAssessmentId(newId()).setBeneficiaryId(newId())
                .setCentreId("centre-lyon").setHolder("synthesis-service").setBucket("bilan-synthesis")
                .setObjectKey("assessments/" + newId()).setSha256("ab".repeat(32)).setSizeBytes(2048)
                .setStoreTime(ProtoTime.of(T0))).build();
    }

    /** Checks that the implementation under test keeps the consent change of {@code eventId} for {@code beneficiaryId}. */
    protected abstract void assertKeptHere(String eventId, String beneficiaryId);

    @Test
    void theServiceUnderTestKeepsWhatItTakesIn() {
        RecordConsentChangeRequest request = change(newId());

        platform().recordConsentChange(request);

        assertKeptHere(request.getChange().getEventId(), request.getChange().getBeneficiaryId());
    }

    @Test
    void takesAConsentChangeInOncePerEventId() {
        RecordConsentChangeRequest request = change(newId());

        assertThat(platform().recordConsentChange(request).getFirstDelivery()).isTrue();
        assertThat(platform().recordConsentChange(request).getFirstDelivery()).isFalse();
    }

    @Test
    void takesAnActionEndInOncePerEventId() {
        RecordActionEndRequest request = actionEnd(newId());

        assertThat(platform().recordActionEnd(request).getFirstDelivery()).isTrue();
        assertThat(platform().recordActionEnd(request).getFirstDelivery()).isFalse();
    }

    @Test
    void takesAStoredDocumentInOncePerEventId() {
        RegisterDocumentRequest request = document(newId());

        assertThat(platform().registerDocument(request).getFirstDelivery()).isTrue();
        assertThat(platform().registerDocument(request).getFirstDelivery()).isFalse();
    }

    /** Event ids the real service refuses: a sender making one must fail its own tests. */
    static List<String> eventIdsItCannotKeep() {
        return List.of("", "   ", "x".repeat(65), "a\nb", "a\tb", "a\u0000b");
    }

    @ParameterizedTest
    @MethodSource("eventIdsItCannotKeep")
    void refusesAnEventIdItCannotKeepNamingTheField(String eventId) {
        assertThat(FieldErrors.fieldsOf(() -> platform().recordConsentChange(change(eventId))))
                .containsExactly("change.event_id");
        assertThat(FieldErrors.fieldsOf(() -> platform().recordActionEnd(actionEnd(eventId))))
                .containsExactly("action_end.event_id");
        assertThat(FieldErrors.fieldsOf(() -> platform().registerDocument(document(eventId))))
                .containsExactly("document.event_id");
    }

    @Test
    void takesTheLongestEventIdItKeeps() {
        assertThat(platform().recordConsentChange(change("x".repeat(28) + newId())).getFirstDelivery()).isTrue();
    }

    @Test
    void onlyAPlatformServiceMaySend() {
        List<Consumer<RetentionServiceBlockingStub>> calls = List.of(
                stub -> stub.recordConsentChange(change(newId())),
                stub -> stub.recordActionEnd(actionEnd(newId())),
                stub -> stub.registerDocument(document(newId())));
        for (Consumer<RetentionServiceBlockingStub> call : calls) {
            for (String role : List.of("beneficiary", "consultant", "centre-manager", "network-admin", "auditor")) {
                assertThat(codeOf(() -> call.accept(as(TestIdentityProvider.token("someone", role))))).as(role)
                        .isEqualTo(Status.Code.PERMISSION_DENIED);
            }
            assertThat(codeOf(() -> call.accept(RetentionServiceGrpc.newBlockingStub(retention())
                    .withDeadlineAfter(10, TimeUnit.SECONDS)))).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
    }
}
