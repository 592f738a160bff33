package fr.bilan.retention.consent;

import static fr.bilan.support.testing.GrpcServiceTestSupport.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.retention.internal.v1.ConsentChange;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.retention.RetentionServiceTestSupport;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

class RetentionConsentChangeTest extends RetentionServiceTestSupport {

    private static final Timestamp RECORD_TIME = Timestamp.newBuilder().setSeconds(1_793_000_000L).build();

    @Autowired
    private MongoDatabase database;

    @Autowired
    private ConsentChanges changes;

    private static ConsentChange.Builder change(String beneficiary, long sequence) {
        return ConsentChange.newBuilder().setEventId(UUID.randomUUID().toString()).setBeneficiaryId(beneficiary)
                .setSequence(sequence).setKind("FOLLOW_UP_RETENTION").setDecision("GRANTED").setRecordTime(RECORD_TIME);
    }

    private static boolean record(ConsentChange change) {
        return platform().recordConsentChange(RecordConsentChangeRequest.newBuilder().setChange(change).build())
                .getFirstDelivery();
    }

    private long stored(String beneficiary) {
        return database.getCollection(ConsentChanges.CHANGES).countDocuments(Filters.eq("beneficiaryId", beneficiary));
    }

    @Test
    void takesAChangeInOnceAndAcknowledgesARedeliveryWithoutEffect() {
        String beneficiary = UUID.randomUUID().toString();
        ConsentChange sharing = change(beneficiary, 1).setKind("SYNTHESIS_SHARING").setRecipientKind("CEP_ADVISOR").build();

        assertThat(record(sharing)).isTrue();
        assertThat(record(sharing)).isFalse();

        assertThat(stored(beneficiary)).isEqualTo(1);
        Document kept = database.getCollection(ConsentChanges.CHANGES).find(Filters.eq("_id", sharing.getEventId())).first();
        assertThat(kept).containsEntry("beneficiaryId", beneficiary).containsEntry("sequence", 1L)
                .containsEntry("kind", "SYNTHESIS_SHARING").containsEntry("decision", "GRANTED")
                .containsEntry("recipientKind", "CEP_ADVISOR");
        assertThat(kept.getDate("recordTime").toInstant().getEpochSecond()).isEqualTo(RECORD_TIME.getSeconds());
        assertThat(changes.latestSequence(beneficiary)).isEqualTo(1);
    }

    @Test
    void storesALateChangeInItsPlaceAndIgnoresARedelivery() {
        String beneficiary = UUID.randomUUID().toString();
        ConsentChange first = change(beneficiary, 1).build();
        ConsentChange second = change(beneficiary, 2).setDecision("WITHDRAWN").build();

        assertThat(record(first)).isTrue();
        assertThat(record(second)).isTrue();
        // the first again, after the second: a late redelivery
        assertThat(record(first)).isFalse();
        // an older change never seen (its record landed after the second was delivered): kept, nothing lost
        assertThat(record(change(beneficiary, 1).build())).isTrue();

        assertThat(stored(beneficiary)).isEqualTo(3);
        assertThat(changes.latestSequence(beneficiary)).isEqualTo(2);
    }

    @Test
    void completesTheMoveOfAChangeStoredBeforeACrash() {
        String beneficiary = UUID.randomUUID().toString();
        ConsentChange change = change(beneficiary, 3).build();
        // as if the service stopped between storing the change and moving the beneficiary's position
        database.getCollection(ConsentChanges.CHANGES).insertOne(new Document("_id", change.getEventId())
                .append("beneficiaryId", beneficiary).append("sequence", 3L));

        assertThat(record(change)).isFalse();

        assertThat(changes.latestSequence(beneficiary)).isEqualTo(3);
        assertThat(stored(beneficiary)).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidChangeFieldByFieldInFrench() {
        var invalid = RecordConsentChangeRequest.newBuilder().setChange(ConsentChange.newBuilder()
                .setBeneficiaryId("b".repeat(65)).setSequence(0).setKind("PARTICIPATION").setDecision("MAYBE")
                .setRecipientKind("EMPLOYER")).build();

        assertThatThrownBy(() -> platform().recordConsentChange(invalid))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    var details = StatusProto.fromThrowable(e).getDetails(0);
                    List<String> fields = unpack(details).getFieldViolationsList().stream()
                            .map(BadRequest.FieldViolation::getField).toList();
                    assertThat(fields).containsExactlyInAnyOrder("change.event_id", "change.beneficiary_id",
                            "change.sequence", "change.decision", "change.recipient_kind", "change.record_time");
                    assertThat(unpack(details).getFieldViolations(0).getDescription()).isEqualTo("Ce champ est obligatoire.");
                });
        var sharingWithoutRecipient = RecordConsentChangeRequest.newBuilder()
                .setChange(change("b-1", 1).setKind("SYNTHESIS_SHARING")).build();
        assertThat(codeOf(() -> platform().recordConsentChange(sharingWithoutRecipient)))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> platform().recordConsentChange(RecordConsentChangeRequest.newBuilder()
                .setChange(change("b-1", 1).setKind("CONSENT_KIND_UNSPECIFIED")).build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(stored("b-1")).isZero();
    }

    @Test
    void onlyAPlatformServiceMayRecordAChange() {
        var request = RecordConsentChangeRequest.newBuilder().setChange(change("b-2", 1)).build();

        assertOnlyAPlatformServiceMay(retention -> retention.recordConsentChange(request));
        assertThat(stored("b-2")).isZero();
    }

    private static BadRequest unpack(com.google.protobuf.Any details) {
        try {
            return details.unpack(BadRequest.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
