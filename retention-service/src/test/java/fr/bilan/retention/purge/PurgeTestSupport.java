package fr.bilan.retention.purge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import fr.bilan.embedded.EmbeddedS3Server;
import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.proto.retention.internal.v1.ConsentChange;
import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.StoredDocument;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.retention.v1.RetentionScheduleServiceGrpc;
import fr.bilan.retention.RetentionServiceTestSupport;
import fr.bilan.support.storage.ObjectEraser;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The retention service with its five holders and session-service on real gRPC: synthesis-service's
 * stand-in with its bucket in a real S3 server of its own (the service has none), session-service's
 * (who may read a bilan; its process evidence), beneficiary-service's (the agreements of fundings),
 * notification-service's (the record of messages) and quality-service's (the quality evidence), each on
 * a server of its own as in production; the schedule's timers off, so that tests run the purge when
 * they mean to.
 */
@TestPropertySource(properties = {"bilan.retention.purge.cron=-", "bilan.retention.schedule.interval=1h"})
abstract class PurgeTestSupport extends RetentionServiceTestSupport {

    static final String HOLDER_NAME = "synthesis-service";
    static final String BUCKET = "bilan-synthesis";
    static final int HOLDER_PORT = freePort();
    static final TestHolder HOLDER = new TestHolder();
    static final TestHolder.Sessions SESSIONS = new TestHolder.Sessions();
    static final int SESSION_PORT = freePort();
    /** session-service as the holder of its bilans' process evidence. */
    static final ContentHolderFake SESSION_HOLDER = new ContentHolderFake(ContentHolderFake.HeldBy.ASSESSMENT);
    static final int BENEFICIARY_PORT = freePort();
    /** beneficiary-service as the holder of the fundings' agreements. */
    static final ContentHolderFake BENEFICIARY_HOLDER = new ContentHolderFake(ContentHolderFake.HeldBy.FUNDING);
    static final int NOTIFICATION_PORT = freePort();
    /** notification-service as the holder of the record of its bilans' messages (process evidence too). */
    static final ContentHolderFake NOTIFICATION_HOLDER = new ContentHolderFake(ContentHolderFake.HeldBy.ASSESSMENT);
    static final int QUALITY_PORT = freePort();
    /** quality-service as the holder of its bilans' quality evidence: facts, surveys, follow-up (process evidence too). */
    static final ContentHolderFake QUALITY_HOLDER = new ContentHolderFake(ContentHolderFake.HeldBy.ASSESSMENT);
    /** The holder's store, shared by every context of the run, like the embedded MongoDB. */
    private static final EmbeddedS3Server HOLDER_STORE = EmbeddedS3Server.startInMemory();
    static final MinioClient STORE = HOLDER_STORE.client();
    private static Server server;

    @Autowired
    PurgeRunner runner;

    @DynamicPropertySource
    static void holderChannels(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.client.channel.synthesis.target", () -> "localhost:" + HOLDER_PORT);
        registry.add("spring.grpc.client.channel.session.target", () -> "localhost:" + SESSION_PORT);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "localhost:" + BENEFICIARY_PORT);
        registry.add("spring.grpc.client.channel.notification.target", () -> "localhost:" + NOTIFICATION_PORT);
        registry.add("spring.grpc.client.channel.quality.target", () -> "localhost:" + QUALITY_PORT);
    }

    @BeforeAll
    static synchronized void startHolder() throws IOException {
        if (server == null) {
            // shared by every context of the run, like the embedded servers
            server = ServerBuilder.forPort(HOLDER_PORT).addService(HOLDER).build().start();
            ServerBuilder.forPort(SESSION_PORT).addService(SESSIONS).addService(SESSION_HOLDER).build().start();
            ServerBuilder.forPort(BENEFICIARY_PORT).addService(BENEFICIARY_HOLDER).build().start();
            ServerBuilder.forPort(NOTIFICATION_PORT).addService(NOTIFICATION_HOLDER).build().start();
            ServerBuilder.forPort(QUALITY_PORT).addService(QUALITY_HOLDER).build().start();
        }
    }

    @BeforeEach
    void holderStore() throws Exception {
        HOLDER.reset();
        SESSION_HOLDER.reset();
        BENEFICIARY_HOLDER.reset();
        NOTIFICATION_HOLDER.reset();
        QUALITY_HOLDER.reset();
        HOLDER.eraser = new ObjectEraser(STORE, 0, new SimpleMeterRegistry());
        if (!STORE.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            STORE.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
    }

    /** A bilan of a fresh centre and beneficiary, its documents stored at the holder. */
    final class TestBilan {
        final String centre = newId("centre");
        final String assessment = newId("bilan");
        final String beneficiary = newId("beneficiary");

        /** Stores an object of {@code kind} for it; its key. */
        String store(DocumentKind kind) throws Exception {
            return storeAndRegister(assessment, beneficiary, centre, kind);
        }

        /** Stores an object of {@code kind} for it, stored at {@code storeTime}; its key. */
        String store(DocumentKind kind, Instant storeTime) throws Exception {
            return storeAndRegister(assessment, beneficiary, centre, kind, storeTime);
        }

        /** Ends its action at {@code end}, begun 30 days before. */
        void end(Instant end) {
            endAction(assessment, beneficiary, centre, end.minus(30, ChronoUnit.DAYS), end);
        }

        /** Ends its action at {@code end}, begun {@code start}, paid by {@code funding}. */
        void end(Instant start, Instant end, String funding) {
            endAction(assessment, beneficiary, centre, start, end, funding);
        }
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Stores an object in the holder's bucket and registers it as synthesis-service would; its key. */
    String storeAndRegister(String assessment, String beneficiary, String centre, DocumentKind kind) throws Exception {
        return storeAndRegister(assessment, beneficiary, centre, kind, Instant.now().minusSeconds(3600));
    }

    /** The same, stored at {@code storeTime}. */
    String storeAndRegister(String assessment, String beneficiary, String centre, DocumentKind kind, Instant storeTime)
            throws Exception {
        // the key doubles as event id here (48 characters, within the 64 retention takes); synthesis-service
        // gives each document a UUID of its own, its keys being longer
        String key = "assessments/" + UUID.randomUUID();
        byte[] bytes = ("document " + key).getBytes();
        STORE.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(bytes), (long) bytes.length, null).build());
        platform().registerDocument(RegisterDocumentRequest.newBuilder().setDocument(StoredDocument.newBuilder()
                .setEventId(key).setKind(kind).setAssessmentId(assessment).setBeneficiaryId(beneficiary)
                .setCentreId(centre).setHolder(HOLDER_NAME).setBucket(BUCKET).setObjectKey(key)
                .setSha256("ab".repeat(32)).setSizeBytes(bytes.length).setStoreTime(ProtoTime.of(storeTime)))
                .build());
        return key;
    }

    static void endAction(String assessment, String beneficiary, String centre, Instant start, Instant end) {
        endAction(assessment, beneficiary, centre, start, end, "");
    }

    /** As session-service reports an end, {@code funding} the bilan's (empty: none recorded). */
    static void endAction(String assessment, String beneficiary, String centre, Instant start, Instant end,
            String funding) {
        platform().recordActionEnd(RecordActionEndRequest.newBuilder().setActionEnd(ActionEnd.newBuilder()
                .setEventId(newId("end")).setAssessmentId(assessment).setBeneficiaryId(beneficiary).setCentreId(centre)
                .setOutcome("COMPLETED").setStartTime(ProtoTime.of(start)).setEndTime(ProtoTime.of(end))
                .setFundingId(funding)).build());
    }

    static void consent(String beneficiary, long sequence, String kind, String decision, String recipientKind,
            Instant time) {
        ConsentChange.Builder change = ConsentChange.newBuilder().setEventId(newId("consent"))
                .setBeneficiaryId(beneficiary).setSequence(sequence).setKind(kind).setDecision(decision)
                .setRecordTime(ProtoTime.of(time));
        if (recipientKind != null) {
            change.setRecipientKind(recipientKind);
        }
        platform().recordConsentChange(RecordConsentChangeRequest.newBuilder().setChange(change).build());
    }

    boolean stored(String key) throws Exception {
        try {
            STORE.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw e;
        }
    }

    static RetentionScheduleServiceGrpc.RetentionScheduleServiceBlockingStub schedules(String token) {
        return RetentionScheduleServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }
}
