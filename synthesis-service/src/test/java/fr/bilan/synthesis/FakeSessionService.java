package fr.bilan.synthesis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverRequest;
import fr.bilan.proto.session.internal.v1.RecordSynthesisHandoverResponse;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.GetAssessmentResponse;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.ListSessionsResponse;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.support.security.Caller;
import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * session-service as synthesis-service sees it, served on synthesis-service's own port behind its
 * real token check: the bilans a test registers and their sessions, readable as the real service
 * allows (their beneficiary's login, their consultant, their centre's managers), and the hand-overs
 * reported. It keeps the real one's contract ({@code AssessmentReadContract}, run on both).
 */
@Component
public class FakeSessionService extends AssessmentServiceGrpc.AssessmentServiceImplBase {

    /** A bilan, with the login of its beneficiary (which session-service keeps and does not show), and its sessions. */
    private record Registered(Assessment assessment, String beneficiaryAccountId, List<Session> sessions) {
    }

    private static final Map<String, Registered> ASSESSMENTS = new ConcurrentHashMap<>();
    private static final List<RecordSynthesisHandoverRequest> HANDOVERS = new CopyOnWriteArrayList<>();

    public static void register(Assessment assessment, String beneficiaryAccountId) {
        register(assessment, beneficiaryAccountId, List.of());
    }

    public static void register(Assessment assessment, String beneficiaryAccountId, List<Session> sessions) {
        ASSESSMENTS.put(assessment.getId(), new Registered(assessment, beneficiaryAccountId, List.copyOf(sessions)));
    }

    /** The bilan registered under {@code id}, if any. */
    public static Optional<Assessment> registered(String id) {
        return Optional.ofNullable(ASSESSMENTS.get(id)).map(Registered::assessment);
    }

    public static List<RecordSynthesisHandoverRequest> handoversOf(String assessmentId) {
        return HANDOVERS.stream().filter(handover -> handover.getAssessmentId().equals(assessmentId)).toList();
    }

    @Override
    public void getAssessment(GetAssessmentRequest request, StreamObserver<GetAssessmentResponse> response) {
        readable(request.getId(), response).ifPresent(registered -> {
            response.onNext(GetAssessmentResponse.newBuilder().setAssessment(registered.assessment()).build());
            response.onCompleted();
        });
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> response) {
        readable(request.getAssessmentId(), response).ifPresent(registered -> {
            response.onNext(ListSessionsResponse.newBuilder().addAllSessions(registered.sessions()).build());
            response.onCompleted();
        });
    }

    /** The bilan, if the caller may read it; otherwise the refusal is sent. */
    private static Optional<Registered> readable(String id, StreamObserver<?> response) {
        Registered registered = ASSESSMENTS.get(id);
        if (registered == null) {
            response.onError(Status.NOT_FOUND.withDescription("Aucun bilan n'a l'identifiant « " + id + " ».")
                    .asRuntimeException());
            return Optional.empty();
        }
        Caller caller = Caller.current();
        Assessment assessment = registered.assessment();
        // session-service's read rule, kept equal to it by AssessmentReadContract (run on both)
        boolean own = caller.hasRole(Role.BENEFICIARY) && caller.isAccount(registered.beneficiaryAccountId());
        String centre = assessment.getCentreId();
        boolean planner = caller.holdsIn(centre, Role.CENTRE_MANAGER)
                || caller.holdsIn(centre, Role.CONSULTANT) && caller.isAccount(assessment.getConsultantId());
        if (!own && !planner) {
            response.onError(Status.PERMISSION_DENIED.withDescription("Ce bilan n'est pas l'un des vôtres.")
                    .asRuntimeException());
            return Optional.empty();
        }
        return Optional.of(registered);
    }

    /** session-service's internal face ({@code bilan.session.internal.v1}): the hand-overs reported. */
    @Bean
    static BindableService fakeSessionHandovers() {
        return new fr.bilan.proto.session.internal.v1.AssessmentServiceGrpc.AssessmentServiceImplBase() {
            @Override
            public void recordSynthesisHandover(RecordSynthesisHandoverRequest request,
                    StreamObserver<RecordSynthesisHandoverResponse> response) {
                boolean first = handoversOf(request.getAssessmentId()).isEmpty();
                HANDOVERS.add(request);
                response.onNext(RecordSynthesisHandoverResponse.newBuilder().setFirstReport(first).build());
                response.onCompleted();
            }
        };
    }
}
