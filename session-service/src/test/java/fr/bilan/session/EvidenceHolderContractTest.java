package fr.bilan.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.MoveAssessmentRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.support.testing.ContentHolderContract;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;

/** session-service keeps the contract of a holder of content, as retention-service's stand-in for it does. */
@SessionServiceContext
class EvidenceHolderContractTest extends ContentHolderContract {

    @Autowired
    private TestClock clock;

    @BeforeEach
    void standStill() {
        clock.set(SessionServiceTestSupport.NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Override
    protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider
                .token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A bilan with a session booked, withdrawn before it was held. */
    @Override
    protected EraseAssessmentContentRequest contentHeld() {
        String consultant = SessionServiceTestSupport.newConsultantId();
        Assessment bilan = SessionServiceTestSupport.openBilan(consultant);
        SessionServiceTestSupport.book(consultant, bilan, SessionServiceTestSupport.session(Phase.INTAKE,
                "2026-11-25T10:00", Duration.ofHours(1), "salle-" + consultant));
        SessionServiceTestSupport.assessments(SessionServiceTestSupport.consultant(consultant)).moveAssessment(
                MoveAssessmentRequest.newBuilder().setId(bilan.getId()).setState(AssessmentState.WITHDRAWN)
                        .setReason("Déménagement.").build());
        return EraseAssessmentContentRequest.newBuilder().setAssessmentId(bilan.getId()).build();
    }

    /** Whether its centre's manager still reads its sessions. */
    @Override
    protected boolean stillHeld(EraseAssessmentContentRequest content) {
        return codeOf(() -> SessionServiceTestSupport.assessments(SessionServiceTestSupport.manager()).listSessions(
                ListSessionsRequest.newBuilder().setAssessmentId(content.getAssessmentId()).build())) == Status.Code.OK;
    }

    @Test
    void onlyThePlatformsOwnServicesMayAskForAnErasure() {
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        var asAPerson = DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(codeOf(() -> asAPerson.eraseAssessmentContent(
                EraseAssessmentContentRequest.newBuilder().setAssessmentId("any").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
