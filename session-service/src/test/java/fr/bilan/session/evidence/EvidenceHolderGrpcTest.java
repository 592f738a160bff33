package fr.bilan.session.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.DeliveryFormat;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetAttendanceReportRequest;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SignAttendanceRequest;
import fr.bilan.proto.session.v1.SignatureMethod;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * session-service as the holder of its bilans' process evidence: retention-service's purge erases
 * it through {@code DocumentHolderService} three years after the end of the action (L6362-6), and
 * what an auditor or a manager asks for afterwards says so.
 */
class EvidenceHolderGrpcTest extends SessionServiceTestSupport {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    /** 27 November 2029, 03:00 in Paris: three years and a few days after the bilans below ended. */
    private static final Instant THREE_YEARS_ON = Instant.parse("2029-11-27T02:00:00Z");
    private static final String DESTROYED = "Les séances, les heures et les feuilles d'émargement de ce bilan ont été "
            + "détruites le 27 novembre 2029 : la loi les fait conserver trois ans après la fin de l'action, pour les "
            + "contrôles (Code du travail, art. L6362-6), puis détruire";

    @Autowired
    private Reservations reservations;

    private record Ended(String consultant, Beneficiary beneficiary, Assessment bilan, Session attended) {
    }

    private static DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder(String token) {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub platform() {
        return holder(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    private static EraseAssessmentContentRequest erase(Assessment bilan) {
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId(bilan.getId()).build();
    }

    /** A bilan whose intake interview was held and signed, another session booked, then withdrawn in November 2026. */
    private Ended withdrawnAfterItsIntake() {
        String consultant = newConsultantId();
        Beneficiary beneficiary = newBeneficiary(consultant);
        Assessment bilan = openBilan(consultant, beneficiary);
        Session intake = book(consultant, bilan, session(Phase.INTAKE, "2026-11-24T10:00", TWO_HOURS, "salle-" + consultant));
        book(consultant, bilan, session(Phase.INTAKE, "2026-11-26T10:00", TWO_HOURS, "salle-" + consultant));
        clock.set(paris("2026-11-24T10:30"));
        var signing = SignAttendanceRequest.newBuilder().setAssessmentId(bilan.getId()).setSessionId(intake.getId())
                .setMethod(SignatureMethod.IN_APP_SIGNATURE).build();
        assessments(beneficiaryLogin(beneficiary)).signAttendance(signing);
        Session attended = assessments(consultant(consultant)).signAttendance(signing).getSession();
        assessments(consultant(consultant)).moveAssessment(MoveAssessmentRequest.newBuilder().setId(bilan.getId())
                .setState(AssessmentState.WITHDRAWN).setReason("Reprise d'emploi.").build());
        return new Ended(consultant, beneficiary, bilan, attended);
    }

    private List<?> heldBy(Resource resource) {
        return reservations.held(resource, paris("2026-11-23T00:00"), paris("2026-12-01T00:00"));
    }

    private static Assessment get(String token, Assessment bilan) {
        return assessments(token).getAssessment(GetAssessmentRequest.newBuilder().setId(bilan.getId()).build())
                .getAssessment();
    }

    @Test
    void threeYearsOnTheAttendanceReportAndTheSessionsAreRefusedSayingWhenAndWhy() {
        Ended ended = withdrawnAfterItsIntake();
        assertThat(assessments(auditor()).getAttendanceReport(GetAttendanceReportRequest.newBuilder()
                .setAssessmentId(ended.bilan().getId()).build()).getReport().getSessionsList()).hasSize(2);
        clock.set(THREE_YEARS_ON);

        EraseAssessmentContentResponse erased = platform().eraseAssessmentContent(erase(ended.bilan()));

        // two sessions and the one assignment
        assertThat(erased.getErasedRecords()).isEqualTo(3);
        assertThat(erased.getKeyDestroyed()).isFalse();
        var report = catchThrowableOfType(StatusRuntimeException.class, () -> assessments(auditor())
                .getAttendanceReport(GetAttendanceReportRequest.newBuilder().setAssessmentId(ended.bilan().getId()).build()));
        assertThat(report.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(report.getStatus().getDescription()).isEqualTo(DESTROYED + ".");
        var sessions = catchThrowableOfType(StatusRuntimeException.class, () -> assessments(manager())
                .listSessions(ListSessionsRequest.newBuilder().setAssessmentId(ended.bilan().getId()).build()));
        assertThat(sessions.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(sessions.getStatus().getDescription()).isEqualTo(DESTROYED + ".");
    }

    @Test
    void theBilanStillReadsAsAStubWithWhenItsEvidenceWasDestroyed() {
        Ended ended = withdrawnAfterItsIntake();
        Assessment before = get(manager(), ended.bilan());
        clock.set(THREE_YEARS_ON);

        platform().eraseAssessmentContent(erase(ended.bilan()));

        Assessment stub = get(manager(), ended.bilan());
        assertThat(ProtoTime.toInstant(stub.getEvidenceDestroyTime())).isEqualTo(THREE_YEARS_ON);
        assertThat(stub.getId()).isEqualTo(ended.bilan().getId());
        assertThat(stub.getBeneficiaryId()).isEqualTo(ended.beneficiary().getId());
        assertThat(stub.getCentreId()).isEqualTo(CENTRE);
        assertThat(stub.getState()).isEqualTo(AssessmentState.WITHDRAWN);
        assertThat(stub.getCreateTime()).isEqualTo(before.getCreateTime());
        assertThat(stub.getActionEndTime()).isEqualTo(before.getActionEndTime());
        assertThat(stub.hasHours()).isFalse();
        assertThat(stub.getAssignmentsList()).isEmpty();
        assertThat(stub.getConsultantId()).isEmpty();
        assertThat(stub.getStateReason()).isEmpty();
        assertThat(stub.getFormat()).isEqualTo(DeliveryFormat.DELIVERY_FORMAT_UNSPECIFIED);
        assertThat(get(beneficiaryLogin(ended.beneficiary()), ended.bilan()).hasEvidenceDestroyTime()).isTrue();
        // its consultant's assignment went with the evidence
        assertThat(codeOf(() -> get(consultant(ended.consultant()), ended.bilan())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        Document stored = database.getCollection("assessments").find(Filters.eq("_id", ended.bilan().getId())).first();
        assertThat(stored.getList("sessions", Document.class)).isEmpty();
        assertThat(stored.getList("assignments", Document.class)).isEmpty();
        assertThat(stored.getString("consultantId")).isNull();
        assertThat(stored.getString("stateReason")).isNull();
        assertThat(stored.toJson()).doesNotContain(ended.consultant(), "salle-", "Reprise");
    }

    @Test
    void theCalendarHoldsOfItsSessionsAreReleased() {
        Ended ended = withdrawnAfterItsIntake();
        assertThat(heldBy(Resource.consultant(ended.consultant()))).hasSize(1);
        assertThat(heldBy(Resource.beneficiary(ended.beneficiary().getId()))).hasSize(1);
        assertThat(heldBy(Resource.room(CENTRE, "salle-" + ended.consultant()))).hasSize(1);
        clock.set(THREE_YEARS_ON);

        platform().eraseAssessmentContent(erase(ended.bilan()));

        assertThat(heldBy(Resource.consultant(ended.consultant()))).isEmpty();
        assertThat(heldBy(Resource.beneficiary(ended.beneficiary().getId()))).isEmpty();
        assertThat(heldBy(Resource.room(CENTRE, "salle-" + ended.consultant()))).isEmpty();
    }

    @Test
    void erasingAgainErasesNothingAndChangesNothing() {
        Ended ended = withdrawnAfterItsIntake();
        clock.set(THREE_YEARS_ON);
        platform().eraseAssessmentContent(erase(ended.bilan()));
        Assessment stub = get(manager(), ended.bilan());
        clock.set(THREE_YEARS_ON.plus(Duration.ofDays(1)));

        EraseAssessmentContentResponse again = platform().eraseAssessmentContent(erase(ended.bilan()));

        assertThat(again.getErasedRecords()).isZero();
        assertThat(get(manager(), ended.bilan())).isEqualTo(stub);
    }

    @Test
    void theStubTakesNoNewSessionNorMove() {
        Ended ended = withdrawnAfterItsIntake();
        clock.set(THREE_YEARS_ON);
        platform().eraseAssessmentContent(erase(ended.bilan()));

        var booking = catchThrowableOfType(StatusRuntimeException.class, () -> assessments(manager())
                .scheduleSession(ScheduleSessionRequest.newBuilder().setAssessmentId(ended.bilan().getId())
                        .setSession(session(Phase.FOLLOW_UP_PHASE, "2029-12-03T10:00", TWO_HOURS, "salle-1")).build()));
        var signing = catchThrowableOfType(StatusRuntimeException.class, () -> assessments(
                beneficiaryLogin(ended.beneficiary())).signAttendance(SignAttendanceRequest.newBuilder()
                        .setAssessmentId(ended.bilan().getId()).setSessionId(ended.attended().getId())
                        .setMethod(SignatureMethod.IN_APP_SIGNATURE).build()));

        assertThat(booking.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(booking.getStatus().getDescription()).isEqualTo(DESTROYED + " : ce bilan ne change plus.");
        assertThat(signing.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(signing.getStatus().getDescription()).isEqualTo(DESTROYED + " : ce bilan ne change plus.");
    }

    @Test
    void aBilanWhoseActionRunsKeepsItsEvidence() {
        String consultant = newConsultantId();
        Assessment running = openBilan(consultant);

        assertThat(codeOf(() -> platform().eraseAssessmentContent(erase(running))))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(get(consultant(consultant), running).hasEvidenceDestroyTime()).isFalse();
    }

    @Test
    void onlyAPlatformServiceErases() {
        Ended ended = withdrawnAfterItsIntake();
        clock.set(THREE_YEARS_ON);

        for (String token : List.of(manager(), auditor(), consultant(ended.consultant()),
                beneficiaryLogin(ended.beneficiary()), TestIdentityProvider.token("admin-1", "network-admin"))) {
            assertThat(codeOf(() -> holder(token).eraseAssessmentContent(erase(ended.bilan()))))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(codeOf(() -> DocumentHolderServiceGrpc.newBlockingStub(channel())
                .withDeadlineAfter(10, TimeUnit.SECONDS).eraseAssessmentContent(erase(ended.bilan()))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(get(manager(), ended.bilan()).hasEvidenceDestroyTime()).isFalse();
    }
}
