package fr.bilan.quality.surveypage;

import org.springframework.stereotype.Component;

import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.GetSurveyPageResponse;
import fr.bilan.proto.quality.v1.SubmitSurveyPageRequest;
import fr.bilan.proto.quality.v1.SubmitSurveyPageResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * Placeholder of the survey page's RPCs until the page's own class (helper H3) replaces it at the merge:
 * answers UNIMPLEMENTED so that the staff's RPCs of the service can be bound meanwhile.
 */
@Component
public class SurveyPageGrpcService {

    public void getSurveyPage(GetSurveyPageRequest request, StreamObserver<GetSurveyPageResponse> response) {
        response.onError(Status.UNIMPLEMENTED.withDescription("La page d'enquête n'est pas encore disponible.")
                .asRuntimeException());
    }

    public void submitSurveyPage(SubmitSurveyPageRequest request, StreamObserver<SubmitSurveyPageResponse> response) {
        response.onError(Status.UNIMPLEMENTED.withDescription("La page d'enquête n'est pas encore disponible.")
                .asRuntimeException());
    }
}
