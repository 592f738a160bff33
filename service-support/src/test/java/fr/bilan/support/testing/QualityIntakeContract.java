package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.quality.internal.v1.BilanFacts;
import fr.bilan.proto.quality.internal.v1.BilanOutcome;
import fr.bilan.proto.quality.internal.v1.FactPhase;
import fr.bilan.proto.quality.internal.v1.FunderRef;
import fr.bilan.proto.quality.internal.v1.PhaseHours;
import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc.QualityIntakeServiceBlockingStub;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.quality.v1.FunderKind;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * What session-service's bilan facts outbox counts on from quality-service's {@code QualityIntakeService},
 * whoever answers: the real service, or {@link FakeQualityIntake} in its tests. A newer revision of a
 * bilan's facts replaces what is kept ({@code applied}); the same or an older one is acknowledged and
 * changes nothing; facts without their ids or outcome, with negative hours, or with a funder not named
 * well, are refused in French
 * naming the field as JSON spells it, nothing kept; nobody but a platform service calls.
 */
public abstract class QualityIntakeContract extends GrpcServiceTestSupport {

    /** What a French description holds and an English one does not. */
    private static final Pattern FRENCH = Pattern.compile("(?iu).*\\b(ce|cette|le|la|les|une?|du|des|est|indiquez)\\b.*");

    /** The channel to the intake under test. */
    protected abstract Channel qualityIntake();

    /** The revision of the facts kept of {@code assessmentId}, empty when none. */
    protected abstract OptionalLong keptRevision(String assessmentId) throws Exception;

    private QualityIntakeServiceBlockingStub as(String token) {
        return QualityIntakeServiceGrpc.newBlockingStub(qualityIntake()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private QualityIntakeServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    /** The facts of a new bilan that ended complete, at {@code revision}. */
    protected static RecordBilanFactsRequest completed(long revision) {
        String id = "assessment-" + UUID.randomUUID();
        return RecordBilanFactsRequest.newBuilder().setRevision(revision).setFacts(BilanFacts.newBuilder()
                .setAssessmentId(id).setBeneficiaryId("beneficiary-" + id).setCentreId("centre-contract")
                .setConsultantId("consultant-contract").setOutcome(BilanOutcome.COMPLETED)
                .setStartDate(ProtoDates.of(LocalDate.of(2026, 3, 2)))
                .setEndDate(ProtoDates.of(LocalDate.of(2026, 5, 4)))
                .setFollowUpDueDate(ProtoDates.of(LocalDate.of(2026, 11, 4)))
                .addPhases(PhaseHours.newBuilder().setPhase(FactPhase.PRELIMINARY).setPlannedMinutes(240)
                        .setDeliveredMinutes(240).setSessionsPlanned(2).setSessionsAttended(2))
                .addPhases(PhaseHours.newBuilder().setPhase(FactPhase.INVESTIGATION).setPlannedMinutes(720)
                        .setDeliveredMinutes(600).setSessionsPlanned(6).setSessionsAttended(5).setSessionsMissed(1)))
                .build();
    }

    private static RecordBilanFactsRequest withFacts(RecordBilanFactsRequest request, UnaryOperator<BilanFacts.Builder> change) {
        return request.toBuilder().setFacts(change.apply(request.getFacts().toBuilder())).build();
    }

    @Test
    void aNewerRevisionReplacesTheFactsKept() throws Exception {
        RecordBilanFactsRequest first = completed(3);
        String id = first.getFacts().getAssessmentId();

        assertThat(platform().recordBilanFacts(first).getApplied()).isTrue();
        assertThat(keptRevision(id)).hasValue(3);
        assertThat(platform().recordBilanFacts(first.toBuilder().setRevision(7).build()).getApplied()).isTrue();
        assertThat(keptRevision(id)).hasValue(7);
    }

    @Test
    void theSameOrAnOlderRevisionIsAcknowledgedAndChangesNothing() throws Exception {
        RecordBilanFactsRequest kept = completed(5);
        String id = kept.getFacts().getAssessmentId();
        assertThat(platform().recordBilanFacts(kept).getApplied()).isTrue();

        assertThat(platform().recordBilanFacts(kept).getApplied()).isFalse();
        assertThat(platform().recordBilanFacts(withFacts(kept.toBuilder().setRevision(4).build(),
                facts -> facts.setOutcome(BilanOutcome.IN_PROGRESS).clearEndDate())).getApplied()).isFalse();

        assertThat(keptRevision(id)).hasValue(5);
    }

    @Test
    void refusesFactsWithoutTheirIdsOrOutcomeInFrenchNamingTheFieldAsJsonSpellsIt() throws Exception {
        RecordBilanFactsRequest good = completed(1);

        assertRefused(withFacts(good, BilanFacts.Builder::clearAssessmentId), "facts.assessmentId");
        assertRefused(withFacts(good, BilanFacts.Builder::clearBeneficiaryId), "facts.beneficiaryId");
        assertRefused(withFacts(good, BilanFacts.Builder::clearCentreId), "facts.centreId");
        assertRefused(withFacts(good, BilanFacts.Builder::clearOutcome), "facts.outcome");
        assertRefused(good.toBuilder().clearFacts().build(), "facts");
        assertThat(keptRevision(good.getFacts().getAssessmentId())).isEmpty();
    }

    @Test
    void refusesNegativeHoursNamingThePhaseAndNothingIsKept() throws Exception {
        RecordBilanFactsRequest good = completed(1);
        RecordBilanFactsRequest negative = withFacts(good, facts -> facts.setPhases(1,
                facts.getPhases(1).toBuilder().setDeliveredMinutes(-60)));

        assertRefused(negative, "facts.phases[1].deliveredMinutes");
        assertThat(keptRevision(good.getFacts().getAssessmentId())).isEmpty();
    }

    @Test
    void takesTheFundersFactsAndRefusesAFunderWithoutItsKindOrNameOrWithABadSiret() throws Exception {
        RecordBilanFactsRequest good = withFacts(completed(1), facts -> facts.setFundingKind("EMPLOYER_PLAN")
                .setAgreementSignDate(ProtoDates.of(LocalDate.of(2026, 2, 20)))
                .setFunder(FunderRef.newBuilder().setKind(FunderKind.FUNDER_EMPLOYER).setName("Acme Industrie")
                        .setSiret("73282932000074"))
                .setFollowUpSessionTime(ProtoTime.of(Instant.parse("2026-11-05T09:00:00Z"))));

        assertRefused(withFacts(good, facts -> facts.setFunder(facts.getFunder().toBuilder().clearKind())),
                "facts.funder.kind");
        assertRefused(withFacts(good, facts -> facts.setFunder(facts.getFunder().toBuilder().clearName())),
                "facts.funder.name");
        assertRefused(withFacts(good, facts -> facts.setFunder(facts.getFunder().toBuilder().setSiret("732 829 320"))),
                "facts.funder.siret");
        assertThat(keptRevision(good.getFacts().getAssessmentId())).isEmpty();
        assertThat(platform().recordBilanFacts(good).getApplied()).isTrue();
        assertThat(keptRevision(good.getFacts().getAssessmentId())).hasValue(1);
    }

    private void assertRefused(RecordBilanFactsRequest request, String field) {
        assertThat(FieldErrors.of(() -> platform().recordBilanFacts(request))).as(field).anySatisfy(violation -> {
            assertThat(violation).startsWith(field + ": ");
            assertThat(violation.substring(field.length() + 2)).matches(FRENCH);
        });
    }

    @Test
    void onlyAPlatformServiceMayCall() throws Exception {
        RecordBilanFactsRequest facts = completed(1);
        for (String role : List.of("beneficiary", "consultant", "centre-manager", "network-admin", "auditor")) {
            assertThat(codeOf(() -> as(TestIdentityProvider.token("someone", role)).recordBilanFacts(facts))).as(role)
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        QualityIntakeServiceBlockingStub anonymous = QualityIntakeServiceGrpc.newBlockingStub(qualityIntake())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        assertThat(codeOf(() -> anonymous.recordBilanFacts(facts))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(keptRevision(facts.getFacts().getAssessmentId())).isEmpty();
    }
}
