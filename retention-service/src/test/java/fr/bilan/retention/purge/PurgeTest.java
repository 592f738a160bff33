package fr.bilan.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.proto.retention.v1.CreateLegalHoldRequest;
import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.retention.v1.GetRetentionScheduleRequest;
import fr.bilan.proto.retention.v1.LegalHold;
import fr.bilan.proto.retention.v1.LiftLegalHoldRequest;
import fr.bilan.proto.retention.v1.RetentionSchedule;
import fr.bilan.proto.retention.v1.ScheduledDestruction;
import fr.bilan.retention.proof.Anchor;
import fr.bilan.retention.proof.CertificateChain;
import fr.bilan.retention.proof.DestructionCertificate;
import fr.bilan.retention.proof.DestructionCertificates;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;

/**
 * The purge end to end on the retention side: events in over gRPC as the services send them,
 * objects in the real embedded store, a holder deleting them over gRPC, certificates that verify.
 */
class PurgeTest extends PurgeTestSupport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    private DestructionCertificates certificates;
    @Autowired
    private PurgeMetrics metrics;

    @Test
    void anEndedBilanLosesItsWorkingDocumentsAtTheNextRunAndKeepsItsSynthesisSentToTheCepAdvisor() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String notes = bilan.store(DocumentKind.WORKING_DOCUMENT);
        String test = bilan.store(DocumentKind.TEST_RESULT);
        String synthesis = bilan.store(DocumentKind.SYNTHESIS_DOCUMENT);
        consent(bilan.beneficiary, 1, "SYNTHESIS_SHARING", "GRANTED", "CEP_ADVISOR", end.minus(1, ChronoUnit.DAYS));
        endAction(bilan.assessment, bilan.beneficiary, bilan.centre, end.minus(60, ChronoUnit.DAYS), end);

        assertThat(runner.runNow(PurgeTrigger.SCHEDULE, null)).isPresent();

        assertThat(stored(notes)).isFalse();
        assertThat(stored(test)).isFalse();
        assertThat(stored(synthesis)).isTrue();
        // the synthèse's content and key stay while the synthèse is kept
        assertThat(HOLDER.erasedContent).doesNotContain(bilan.assessment);
        RetentionSchedule schedule = scheduleAsAuditorOf(bilan.centre, bilan.assessment);
        assertThat(schedule.getRegime()).isEqualTo("decret-2023-1350");
        assertThat(stateOf(schedule, notes).getState()).isEqualTo(DestructionState.DESTROYED);
        ScheduledDestruction kept = stateOf(schedule, synthesis);
        assertThat(kept.getState()).isEqualTo(DestructionState.SCHEDULED);
        assertThat(kept.getRuleId()).isEqualTo("cep-synthesis");
        assertThat(kept.getLegalSource()).contains("R6313-7");
        assertThat(ProtoTime.toInstant(kept.getDueTime()))
                .isEqualTo(LocalDateTime.ofInstant(end, PARIS).plusYears(3).atZone(PARIS).toInstant());

        List<DestructionCertificate> chain = certificates.chainOf(bilan.centre).into(new ArrayList<>());
        assertThat(chain).hasSize(2).allMatch(certificate -> certificate.ruleId().equals("end-of-action"));
        assertThat(CertificateChain.verify(bilan.centre, Anchor.GENESIS, chain).intact()).isTrue();
    }

    @Test
    void aSecondRunDestroysNothingTwiceAndCertifiesEachDocumentOnce() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        bilan.store(DocumentKind.WORKING_DOCUMENT);
        bilan.store(DocumentKind.SYNTHESIS_DOCUMENT);
        bilan.end(end);

        runner.runNow(PurgeTrigger.SCHEDULE, null);
        int asked = HOLDER.deleteRequests.size();
        runner.runNow(PurgeTrigger.SCHEDULE, null);

        assertThat(HOLDER.deleteRequests).hasSize(asked);
        // no agreement: the synthèse went too, then its content and key, once, after its objects
        assertThat(HOLDER.erasedContent).containsExactly(bilan.assessment);
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>())).hasSize(3);
    }

    @Test
    void anObjectTheStoreFailsToDeleteStaysDueShowsOverdueAndIsDestroyedByTheNextRun() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(3, ChronoUnit.DAYS);
        String stuck = bilan.store(DocumentKind.WORKING_DOCUMENT);
        String other = bilan.store(DocumentKind.WORKING_DOCUMENT);
        bilan.end(end);
        HOLDER.failing.add(stuck);

        runner.runNow(PurgeTrigger.SCHEDULE, null);

        assertThat(stored(stuck)).isTrue();
        assertThat(stored(other)).isFalse();
        // due three days ago, past the 26-hour grace
        metrics.refresh();
        assertThat(meter("bilan.retention.documents.overdue")).isGreaterThanOrEqualTo(1);
        assertThat(HOLDER.erasedContent).doesNotContain(bilan.assessment);
        assertThat(stateOf(scheduleAsAuditorOf(bilan.centre, bilan.assessment), stuck).getState()).isEqualTo(DestructionState.SCHEDULED);

        HOLDER.failing.clear();
        runner.runNow(PurgeTrigger.SCHEDULE, null);

        assertThat(stored(stuck)).isFalse();
        assertThat(HOLDER.erasedContent).containsExactly(bilan.assessment);
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>())).hasSize(3);
    }

    @Test
    void aHolderDownLosesNothingAndTheRunAfterItCompletes() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        String key = bilan.store(DocumentKind.TEST_RESULT);
        bilan.end(end);
        HOLDER.down = true;

        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(stored(key)).isTrue();
        assertThat(certificates.chainOf(bilan.centre).first()).isNull();

        HOLDER.down = false;
        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(stored(key)).isFalse();
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>())).hasSize(2);
    }

    @Test
    void aLegalHoldKeepsEverythingUntilLiftedAndLeavesTheDueDateAlone() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        String key = bilan.store(DocumentKind.WORKING_DOCUMENT);
        bilan.end(end);
        String admin = TestIdentityProvider.token("admin-1", "network-admin");
        LegalHold hold = schedules(admin).createLegalHold(CreateLegalHoldRequest.newBuilder().setAssessmentId(bilan.assessment)
                .setLegalHold(LegalHold.newBuilder().setReason("Contrôle DREETS 2026-114")).setRequestId(newId("request"))
                .build()).getLegalHold();

        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(stored(key)).isTrue();
        ScheduledDestruction held = stateOf(scheduleAsAuditorOf(bilan.centre, bilan.assessment), key);
        assertThat(held.getHeld()).isTrue();
        assertThat(ProtoTime.toInstant(held.getDueTime())).isBeforeOrEqualTo(Instant.now());

        LegalHold lifted = schedules(admin).liftLegalHold(LiftLegalHoldRequest.newBuilder().setAssessmentId(bilan.assessment)
                .setLegalHoldId(hold.getId()).setReason("Contrôle clos").build()).getLegalHold();
        assertThat(lifted.hasLiftTime()).isTrue();
        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(stored(key)).isFalse();
    }

    @Test
    void theWrittenAgreementKeepsTheBilansDocumentsThreeYearsAndItsWithdrawalBringsTheirDestructionForward()
            throws Exception {
        TestBilan bilan = new TestBilan();
        // ended some four months ago, its documents stored during the action
        Instant end = Instant.now().minus(125, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String synthesis = bilan.store(DocumentKind.SYNTHESIS_DOCUMENT, end.minus(1, ChronoUnit.DAYS));
        String notes = bilan.store(DocumentKind.WORKING_DOCUMENT, end.minus(20, ChronoUnit.DAYS));
        consent(bilan.beneficiary, 1, "FOLLOW_UP_RETENTION", "GRANTED", null, end.minus(1, ChronoUnit.DAYS));
        bilan.end(end);
        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(stored(synthesis)).isTrue();
        assertThat(stored(notes)).isTrue();
        ScheduledDestruction kept = stateOf(scheduleAsAuditorOf(bilan.centre, bilan.assessment), synthesis);
        assertThat(kept.getRuleId()).isEqualTo("written-agreement");
        assertThat(ProtoTime.toInstant(kept.getDueTime()))
                .isEqualTo(LocalDateTime.ofInstant(end, PARIS).plusYears(3).atZone(PARIS).toInstant());

        Instant withdrawal = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        consent(bilan.beneficiary, 2, "FOLLOW_UP_RETENTION", "WITHDRAWN", null, withdrawal);
        // due at the withdrawal, not four months back at the end: not shown overdue before the run
        ScheduledDestruction due = stateOf(scheduleAsAuditorOf(bilan.centre, bilan.assessment), notes);
        assertThat(ProtoTime.toInstant(due.getDueTime())).isEqualTo(withdrawal);
        assertThat(due.getRuleId()).isEqualTo("written-agreement");
        runner.runNow(PurgeTrigger.SCHEDULE, null);

        assertThat(stored(synthesis)).isFalse();
        assertThat(stored(notes)).isFalse();
        assertThat(HOLDER.erasedContent).containsExactly(bilan.assessment);
        // the schedule and every certificate say what the decision said: due at the withdrawal
        ScheduledDestruction destroyed = stateOf(scheduleAsAuditorOf(bilan.centre, bilan.assessment), notes);
        assertThat(destroyed.getState()).isEqualTo(DestructionState.DESTROYED);
        assertThat(ProtoTime.toInstant(destroyed.getDueTime())).isEqualTo(withdrawal);
        List<DestructionCertificate> chain = certificates.chainOf(bilan.centre).into(new ArrayList<>());
        assertThat(chain).hasSize(3).allSatisfy(certificate -> {
            assertThat(certificate.dueAt()).isEqualTo(withdrawal);
            assertThat(certificate.ruleId()).isEqualTo("written-agreement");
            assertThat(certificate.ruleVersion()).isEqualTo("2");
            assertThat(certificate.destroyedAt()).isAfterOrEqualTo(withdrawal);
        });
    }

    @Test
    void nothingIsDestroyedWhileTheActionRunsAndADryRunDestroysNothing() throws Exception {
        String centre = newId("centre");
        String running = newId("bilan");
        String ended = newId("bilan");
        String beneficiary = newId("beneficiary");
        String kept = storeAndRegister(running, beneficiary, centre, DocumentKind.WORKING_DOCUMENT);
        String due = storeAndRegister(ended, beneficiary, centre, DocumentKind.WORKING_DOCUMENT);
        Instant end = Instant.now().minus(1, ChronoUnit.DAYS);
        endAction(ended, beneficiary, centre, end.minus(30, ChronoUnit.DAYS), end);

        PurgeTally dry = runner.dryRun();
        assertThat(dry.listed()).anyMatch(entry -> entry.objectKey().equals(due))
                .noneMatch(entry -> entry.objectKey().equals(kept));
        assertThat(stored(due)).isTrue();

        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(stored(due)).isFalse();
        assertThat(stored(kept)).isTrue();
        assertThat(stateOf(scheduleAsAuditorOf(centre, running), kept).getState())
                .isEqualTo(DestructionState.AWAITING_ACTION_END);
    }

    private static RetentionSchedule scheduleAsAuditorOf(String centre, String assessment) {
        return schedules(TestIdentityProvider.token("auditor-1", List.of(centre), "auditor"))
                .getRetentionSchedule(GetRetentionScheduleRequest.newBuilder().setAssessmentId(assessment).build())
                .getRetentionSchedule();
    }

    private static ScheduledDestruction stateOf(RetentionSchedule schedule, String key) {
        return schedule.getDestructionsList().stream().filter(destruction -> destruction.getDocumentId().equals(key))
                .findFirst().orElseThrow();
    }
}
