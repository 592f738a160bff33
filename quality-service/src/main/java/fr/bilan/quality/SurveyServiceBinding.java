package fr.bilan.quality;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.quality.v1.GetQuestionnaireRequest;
import fr.bilan.proto.quality.v1.GetQuestionnaireResponse;
import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.GetSurveyPageResponse;
import fr.bilan.proto.quality.v1.ListAssessmentSurveysRequest;
import fr.bilan.proto.quality.v1.ListAssessmentSurveysResponse;
import fr.bilan.proto.quality.v1.ListSurveyCommentsRequest;
import fr.bilan.proto.quality.v1.ListSurveyCommentsResponse;
import fr.bilan.proto.quality.v1.SubmitSurveyPageRequest;
import fr.bilan.proto.quality.v1.SubmitSurveyPageResponse;
import fr.bilan.proto.quality.v1.SurveyServiceGrpc;
import fr.bilan.quality.survey.staff.SurveyGrpcService;
import fr.bilan.quality.surveypage.SurveyPageGrpcService;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;

/**
 * {@code SurveyService} is one service of the contract whose RPCs belong to two concepts (the staff's reads
 * of the surveys, the beneficiary's page): gRPC binds a service once, so this wiring routes each RPC to its
 * package's edge, and holds nothing else.
 */
@GrpcService
class SurveyServiceBinding implements BindableService {

    private final SurveyGrpcService surveys;
    private final SurveyPageGrpcService pages;

    SurveyServiceBinding(SurveyGrpcService surveys, SurveyPageGrpcService pages) {
        this.surveys = surveys;
        this.pages = pages;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return SurveyServiceGrpc.bindService(new SurveyServiceGrpc.AsyncService() {

            @Override
            public void getSurveyPage(GetSurveyPageRequest request, StreamObserver<GetSurveyPageResponse> response) {
                pages.getSurveyPage(request, response);
            }

            @Override
            public void submitSurveyPage(SubmitSurveyPageRequest request,
                    StreamObserver<SubmitSurveyPageResponse> response) {
                pages.submitSurveyPage(request, response);
            }

            @Override
            public void listAssessmentSurveys(ListAssessmentSurveysRequest request,
                    StreamObserver<ListAssessmentSurveysResponse> response) {
                surveys.listAssessmentSurveys(request, response);
            }

            @Override
            public void listSurveyComments(ListSurveyCommentsRequest request,
                    StreamObserver<ListSurveyCommentsResponse> response) {
                surveys.listSurveyComments(request, response);
            }

            @Override
            public void getQuestionnaire(GetQuestionnaireRequest request,
                    StreamObserver<GetQuestionnaireResponse> response) {
                surveys.getQuestionnaire(request, response);
            }
        });
    }
}
