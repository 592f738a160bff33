package fr.bilan.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.v1.DestructionState;
import fr.bilan.proto.retention.v1.DocumentKind;
import fr.bilan.proto.retention.v1.GetRetentionScheduleRequest;
import fr.bilan.proto.retention.v1.RetentionSchedule;
import fr.bilan.proto.retention.v1.ScheduledDestruction;
import fr.bilan.retention.proof.Anchor;
import fr.bilan.retention.proof.CertificateChain;
import fr.bilan.retention.proof.DestructionCertificate;
import fr.bilan.retention.proof.DestructionCertificates;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;

/**
 * The process evidence of a bilan (its attendance sheets and hours at session-service, the
 * agreement of its funding at beneficiary-service) on the legal clock: registered at the end of the
 * action, listed in the schedule, erased by its holders three years after the end (L6362-6), not a
 * day before, and certified.
 */
class ProcessEvidencePurgeTest extends PurgeTestSupport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    private DestructionCertificates certificates;

    /** Three years after {@code end}, in the Paris calendar, as the rules add periods. */
    private static Instant threeYearsAfter(Instant end) {
        return LocalDateTime.ofInstant(end, PARIS).plusYears(3).atZone(PARIS).toInstant();
    }

    private static RetentionSchedule scheduleAsAuditorOf(String centre, String assessment) {
        return schedules(TestIdentityProvider.token("auditor-1", List.of(centre), "auditor"))
                .getRetentionSchedule(GetRetentionScheduleRequest.newBuilder().setAssessmentId(assessment).build())
                .getRetentionSchedule();
    }

    /** The holders whose ATTENDANCE entry is read on its own: the record of messages, the quality evidence. */
    private static final List<String> OTHER_EVIDENCE = List.of("notification-service", "quality-service");

    /** The entries by kind, but those of {@link #OTHER_EVIDENCE}. */
    private static Map<DocumentKind, ScheduledDestruction> byKind(RetentionSchedule schedule) {
        return schedule.getDestructionsList().stream().filter(d -> !OTHER_EVIDENCE.contains(d.getHolder()))
                .collect(Collectors.toMap(ScheduledDestruction::getKind, destruction -> destruction));
    }

    private static ScheduledDestruction entryOf(String holder, RetentionSchedule schedule) {
        return schedule.getDestructionsList().stream().filter(d -> d.getHolder().equals(holder))
                .collect(Collectors.reducing((a, b) -> {
                    throw new AssertionError("two entries of " + holder);
                })).orElseThrow();
    }

    private static ScheduledDestruction messageRecord(RetentionSchedule schedule) {
        return entryOf("notification-service", schedule);
    }

    private static ScheduledDestruction qualityEvidence(RetentionSchedule schedule) {
        return entryOf("quality-service", schedule);
    }

    @Test
    void threeYearsAfterTheEndTheHoldersEraseTheAttendanceAndTheAgreementAndEachIsCertified() throws Exception {
        TestBilan bilan = new TestBilan();
        String funding = newId("funding");
        // begun in 2023: under the rules before décret 2023-1350, which keep process evidence three years too
        Instant end = Instant.now().minus(3 * 365 + 2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(60, ChronoUnit.DAYS);
        SESSION_HOLDER.held.add(bilan.assessment);
        BENEFICIARY_HOLDER.held.add(funding);
        NOTIFICATION_HOLDER.held.add(bilan.assessment);
        QUALITY_HOLDER.held.add(bilan.assessment);
        bilan.end(start, end, funding);
        assertThat(threeYearsAfter(end)).isBefore(Instant.now());

        assertThat(runner.runNow(PurgeTrigger.SCHEDULE, null)).isPresent();

        assertThat(SESSION_HOLDER.erasuresOf(bilan.assessment)).containsExactly(EraseAssessmentContentRequest
                .newBuilder().setAssessmentId(bilan.assessment).setFundingId(funding).build());
        assertThat(BENEFICIARY_HOLDER.erasuresOf(bilan.assessment)).containsExactly(EraseAssessmentContentRequest
                .newBuilder().setAssessmentId(bilan.assessment).setFundingId(funding).build());
        assertThat(NOTIFICATION_HOLDER.erasuresOf(bilan.assessment)).containsExactly(EraseAssessmentContentRequest
                .newBuilder().setAssessmentId(bilan.assessment).setFundingId(funding).build());
        assertThat(QUALITY_HOLDER.erasuresOf(bilan.assessment)).containsExactly(EraseAssessmentContentRequest
                .newBuilder().setAssessmentId(bilan.assessment).setFundingId(funding).build());
        assertThat(SESSION_HOLDER.held).doesNotContain(bilan.assessment);
        assertThat(BENEFICIARY_HOLDER.held).doesNotContain(funding);
        assertThat(NOTIFICATION_HOLDER.held).doesNotContain(bilan.assessment);
        assertThat(QUALITY_HOLDER.held).doesNotContain(bilan.assessment);
        List<DestructionCertificate> chain = certificates.chainOf(bilan.centre).into(new ArrayList<>());
        // the sessions' evidence, the record of messages and the quality evidence are all ATTENDANCE
        assertThat(chain).filteredOn(certificate -> !certificate.kind().equals("SYNTHESIS_DOCUMENT"))
                .extracting(DestructionCertificate::kind).containsExactlyInAnyOrder("ATTENDANCE", "ATTENDANCE",
                        "ATTENDANCE", "AGREEMENT");
        assertThat(chain).filteredOn(certificate -> !certificate.kind().equals("SYNTHESIS_DOCUMENT"))
                .allSatisfy(certificate -> {
                    assertThat(certificate.ruleId()).isEqualTo("process-evidence");
                    assertThat(certificate.dueAt()).isEqualTo(threeYearsAfter(end));
                    assertThat(certificate.destroyedAt()).isAfterOrEqualTo(threeYearsAfter(end));
                });
        assertThat(CertificateChain.verify(bilan.centre, Anchor.GENESIS, chain).intact()).isTrue();
        RetentionSchedule schedule = scheduleAsAuditorOf(bilan.centre, bilan.assessment);
        assertThat(schedule.getRegime()).isEqualTo("r6313-7-before-2024");
        assertThat(byKind(schedule).get(DocumentKind.ATTENDANCE).getState()).isEqualTo(DestructionState.DESTROYED);
        assertThat(byKind(schedule).get(DocumentKind.AGREEMENT).getState()).isEqualTo(DestructionState.DESTROYED);
        assertThat(messageRecord(schedule).getState()).isEqualTo(DestructionState.DESTROYED);
        assertThat(qualityEvidence(schedule).getState()).isEqualTo(DestructionState.DESTROYED);

        // a second run asks nothing again and certifies nothing twice
        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(SESSION_HOLDER.erasuresOf(bilan.assessment)).hasSize(1);
        assertThat(BENEFICIARY_HOLDER.erasuresOf(bilan.assessment)).hasSize(1);
        assertThat(NOTIFICATION_HOLDER.erasuresOf(bilan.assessment)).hasSize(1);
        assertThat(QUALITY_HOLDER.erasuresOf(bilan.assessment)).hasSize(1);
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>())).hasSize(chain.size());
    }

    @Test
    void notADayBeforeThreeYearsAndTheScheduleSaysWhenAndWhy() throws Exception {
        TestBilan bilan = new TestBilan();
        String funding = newId("funding");
        Instant end = Instant.now().minus(3 * 365 - 2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        SESSION_HOLDER.held.add(bilan.assessment);
        BENEFICIARY_HOLDER.held.add(funding);
        bilan.end(end.minus(60, ChronoUnit.DAYS), end, funding);
        assertThat(threeYearsAfter(end)).isAfter(Instant.now());

        runner.runNow(PurgeTrigger.SCHEDULE, null);

        assertThat(SESSION_HOLDER.erasuresOf(bilan.assessment)).isEmpty();
        assertThat(BENEFICIARY_HOLDER.erasuresOf(bilan.assessment)).isEmpty();
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>()))
                .extracting(DestructionCertificate::kind).containsExactly("SYNTHESIS_DOCUMENT");
        Map<DocumentKind, ScheduledDestruction> scheduled = byKind(scheduleAsAuditorOf(bilan.centre, bilan.assessment));
        assertThat(scheduled).containsOnlyKeys(DocumentKind.SYNTHESIS_DOCUMENT, DocumentKind.ATTENDANCE,
                DocumentKind.AGREEMENT);
        for (DocumentKind kind : List.of(DocumentKind.ATTENDANCE, DocumentKind.AGREEMENT)) {
            ScheduledDestruction evidence = scheduled.get(kind);
            assertThat(evidence.getState()).as("%s", kind).isEqualTo(DestructionState.SCHEDULED);
            assertThat(ProtoTime.toInstant(evidence.getDueTime())).as("%s", kind).isEqualTo(threeYearsAfter(end));
            assertThat(evidence.getRuleId()).isEqualTo("process-evidence");
            assertThat(evidence.getLegalSource()).contains("L6362-6");
        }
        assertThat(scheduled.get(DocumentKind.ATTENDANCE).getHolder()).isEqualTo("session-service");
        assertThat(scheduled.get(DocumentKind.AGREEMENT).getHolder()).isEqualTo("beneficiary-service");
        RetentionSchedule schedule = scheduleAsAuditorOf(bilan.centre, bilan.assessment);
        for (ScheduledDestruction other : List.of(messageRecord(schedule), qualityEvidence(schedule))) {
            assertThat(other.getKind()).as(other.getHolder()).isEqualTo(DocumentKind.ATTENDANCE);
            assertThat(other.getState()).as(other.getHolder()).isEqualTo(DestructionState.SCHEDULED);
            assertThat(ProtoTime.toInstant(other.getDueTime())).as(other.getHolder()).isEqualTo(threeYearsAfter(end));
            assertThat(other.getRuleId()).as(other.getHolder()).isEqualTo("process-evidence");
        }
        assertThat(NOTIFICATION_HOLDER.erasuresOf(bilan.assessment)).isEmpty();
        assertThat(QUALITY_HOLDER.erasuresOf(bilan.assessment)).isEmpty();
    }

    @Test
    void anActionBegunUnderTheDecreeKeepsItsEvidenceThreeYearsToo() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        bilan.end(end.minus(90, ChronoUnit.DAYS), end, "funding-" + bilan.assessment);

        runner.runNow(PurgeTrigger.SCHEDULE, null);

        RetentionSchedule schedule = scheduleAsAuditorOf(bilan.centre, bilan.assessment);
        assertThat(schedule.getRegime()).isEqualTo("decret-2023-1350");
        for (DocumentKind kind : List.of(DocumentKind.ATTENDANCE, DocumentKind.AGREEMENT)) {
            assertThat(ProtoTime.toInstant(byKind(schedule).get(kind).getDueTime())).isEqualTo(threeYearsAfter(end));
        }
        assertThat(SESSION_HOLDER.erasuresOf(bilan.assessment)).isEmpty();
    }

    @Test
    void aHolderDownLeavesItsEvidenceDueAndTheNextRunErasesIt() throws Exception {
        TestBilan bilan = new TestBilan();
        Instant end = Instant.now().minus(3 * 365 + 2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        SESSION_HOLDER.held.add(bilan.assessment);
        bilan.end(end.minus(60, ChronoUnit.DAYS), end, "");
        SESSION_HOLDER.down = true;

        runner.runNow(PurgeTrigger.SCHEDULE, null);
        assertThat(byKind(scheduleAsAuditorOf(bilan.centre, bilan.assessment)).get(DocumentKind.ATTENDANCE).getState())
                .isEqualTo(DestructionState.SCHEDULED);
        // notification- and quality-service, up, erased their evidence: two ATTENDANCE certified, not the sessions'
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>()))
                .extracting(DestructionCertificate::kind).filteredOn("ATTENDANCE"::equals).hasSize(2);

        SESSION_HOLDER.down = false;
        runner.runNow(PurgeTrigger.SCHEDULE, null);

        assertThat(SESSION_HOLDER.held).doesNotContain(bilan.assessment);
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>()))
                .extracting(DestructionCertificate::kind).filteredOn("ATTENDANCE"::equals).hasSize(3);
        // without a funding recorded, the action had no agreement: beneficiary-service holds nothing of it,
        // is never asked, and no certificate claims an agreement destroyed
        assertThat(BENEFICIARY_HOLDER.erasuresOf(bilan.assessment)).isEmpty();
        assertThat(certificates.chainOf(bilan.centre).into(new ArrayList<>()))
                .extracting(DestructionCertificate::kind).doesNotContain("AGREEMENT");
    }
}
