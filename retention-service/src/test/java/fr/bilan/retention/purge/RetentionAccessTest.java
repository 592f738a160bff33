package fr.bilan.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.retention.v1.CreateLegalHoldRequest;
import fr.bilan.proto.retention.v1.CreatePurgeRunRequest;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.retention.v1.GetPurgeRunRequest;
import fr.bilan.proto.retention.v1.GetRetentionScheduleRequest;
import fr.bilan.proto.retention.v1.LegalHold;
import fr.bilan.proto.retention.v1.LiftLegalHoldRequest;
import fr.bilan.proto.retention.v1.PurgeRun;
import fr.bilan.proto.retention.v1.PurgeRunState;
import fr.bilan.proto.retention.v1.PurgeServiceGrpc;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/** Who reaches a bilan's schedule, its legal holds and the purge, and what a bad request gets. */
class RetentionAccessTest extends PurgeTestSupport {

    @Autowired
    private MongoDatabase database;

    @Test
    void whomeverSessionServiceLetsReadTheBilanReadsItsScheduleAndTheReadIsLogged() throws Exception {
        TestBilan bilan = new TestBilan();
        bilan.store(DocumentKind.WORKING_DOCUMENT);
        SESSIONS.readable.put(bilan.assessment, bilan.centre);

        var schedule = schedules(TestIdentityProvider.token("beneficiary-login", "beneficiary"))
                .getRetentionSchedule(GetRetentionScheduleRequest.newBuilder().setAssessmentId(bilan.assessment).build())
                .getRetentionSchedule();

        assertThat(schedule.getDestructionsList()).hasSize(1);
        assertThat(database.getCollection("access_records").countDocuments(Filters.and(
                Filters.eq("actor", "beneficiary-login"), Filters.eq("beneficiaryId", bilan.beneficiary)))).isEqualTo(1);
    }

    @Test
    void othersAreRefusedTheSchedule() throws Exception {
        String centre = newId("centre");
        String assessment = newId("bilan");
        storeAndRegister(assessment, newId("beneficiary"), centre, DocumentKind.WORKING_DOCUMENT);
        var request = GetRetentionScheduleRequest.newBuilder().setAssessmentId(assessment).build();

        // session-service does not let them read it, and they audit another centre or none
        assertThat(codeOf(() -> schedules(TestIdentityProvider.token("consultant-2", List.of(centre), "consultant"))
                .getRetentionSchedule(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> schedules(TestIdentityProvider.token("auditor-2", List.of(newId("centre")), "auditor"))
                .getRetentionSchedule(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // not in the contract's roles
        assertThat(codeOf(() -> schedules(TestIdentityProvider.token("admin", "network-admin"))
                .getRetentionSchedule(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aManagerHoldsTheirCentresBilansOnlyOnceByRequestIdAndWithAReason() throws Exception {
        String centre = newId("centre");
        String assessment = newId("bilan");
        storeAndRegister(assessment, newId("beneficiary"), centre, DocumentKind.WORKING_DOCUMENT);
        String manager = TestIdentityProvider.token("manager-1", List.of(centre), "centre-manager");
        String requestId = newId("request");
        var request = CreateLegalHoldRequest.newBuilder().setAssessmentId(assessment).setRequestId(requestId)
                .setLegalHold(LegalHold.newBuilder().setReason("Litige prud'homal 2026-17")).build();

        LegalHold first = schedules(manager).createLegalHold(request).getLegalHold();
        LegalHold again = schedules(manager).createLegalHold(request).getLegalHold();

        assertThat(again.getId()).isEqualTo(first.getId()).isEqualTo(requestId);
        assertThat(first.getCreateBy()).isEqualTo("manager-1");
        assertThat(codeOf(() -> schedules(TestIdentityProvider.token("manager-2", List.of(newId("centre")),
                "centre-manager")).createLegalHold(request.toBuilder().setRequestId(newId("request")).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        var noReason = request.toBuilder().setRequestId(newId("request")).setLegalHold(LegalHold.getDefaultInstance())
                .build();
        assertThat(FieldErrors.fieldsOf(() -> schedules(manager).createLegalHold(noReason)))
                .containsExactly("legal_hold.reason");
        assertThat(codeOf(() -> schedules(manager).liftLegalHold(LiftLegalHoldRequest.newBuilder()
                .setAssessmentId(assessment).setLegalHoldId("no-such-hold").setReason("Clos").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aNetworkAdministratorRunsThePurgeOnceAtATimeAndFollowsIt() throws Exception {
        TestBilan bilan = new TestBilan();
        String key = bilan.store(DocumentKind.WORKING_DOCUMENT);
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        endAction(bilan.assessment, bilan.beneficiary, bilan.centre, end.minus(20, ChronoUnit.DAYS), end);
        var admin = PurgeServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("admin-1", "network-admin")))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        PurgeRun dry = admin.createPurgeRun(CreatePurgeRunRequest.newBuilder()
                .setPurgeRun(PurgeRun.newBuilder().setDryRun(true)).build()).getPurgeRun();
        assertThat(dry.getDueDocumentsList()).anyMatch(due -> due.getDocumentId().equals(key));
        assertThat(stored(key)).isTrue();

        // another replica runs one: refused, nothing started
        var locks = new MongoLockProvider(database.getCollection("shedlock"));
        var held = locks.lock(new LockConfiguration(Instant.now(), PurgeRunner.LOCK, Duration.ofMinutes(1),
                Duration.ZERO)).orElseThrow();
        try {
            assertThat(codeOf(() -> admin.createPurgeRun(CreatePurgeRunRequest.getDefaultInstance())))
                    .isEqualTo(Status.Code.ABORTED);
        } finally {
            held.unlock();
        }

        PurgeRun started = admin.createPurgeRun(CreatePurgeRunRequest.getDefaultInstance()).getPurgeRun();
        assertThat(started.getCreateBy()).isEqualTo("admin-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.getPurgeRun(GetPurgeRunRequest.newBuilder()
                .setPurgeRunId(started.getId()).build()).getPurgeRun().getState() == PurgeRunState.SUCCEEDED);
        assertThat(stored(key)).isFalse();
        assertThat(codeOf(() -> PurgeServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("consultant-1", "consultant")))
                .createPurgeRun(CreatePurgeRunRequest.getDefaultInstance()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
