package fr.bilan.retention.schedule;

import fr.bilan.proto.session.v1.AssessmentServiceGrpc.AssessmentServiceBlockingStub;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.support.grpc.Downstream;

/** {@link BilanCentres} over gRPC: session-service's {@code GetAssessment}, called as the caller. */
class SessionBilanCentres implements BilanCentres {

    private final AssessmentServiceBlockingStub assessments;
    private final Downstream sessions;

    SessionBilanCentres(AssessmentServiceBlockingStub assessments, Downstream sessions) {
        this.assessments = assessments;
        this.sessions = sessions;
    }

    @Override
    public String readAsCaller(String assessmentId) {
        return sessions.call(() -> sessions.asCaller(assessments)
                .getAssessment(GetAssessmentRequest.newBuilder().setId(assessmentId).build())).getAssessment()
                .getCentreId();
    }
}
