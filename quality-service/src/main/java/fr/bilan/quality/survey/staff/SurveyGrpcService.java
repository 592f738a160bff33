package fr.bilan.quality.survey.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.proto.quality.v1.GetQuestionnaireRequest;
import fr.bilan.proto.quality.v1.GetQuestionnaireResponse;
import fr.bilan.proto.quality.v1.ListAssessmentSurveysRequest;
import fr.bilan.proto.quality.v1.ListAssessmentSurveysResponse;
import fr.bilan.proto.quality.v1.ListSurveyCommentsRequest;
import fr.bilan.proto.quality.v1.ListSurveyCommentsResponse;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * The staff's RPCs of {@code SurveyService}: a bilan's surveys, a centre's free comments, the questionnaire
 * asked today. Bound with the page's RPCs by {@code SurveyServiceBinding}.
 */
@Component
public class SurveyGrpcService {

    private final SurveyReading reading;

    SurveyGrpcService(SurveyReading reading) {
        this.reading = reading;
    }

    public void listAssessmentSurveys(ListAssessmentSurveysRequest request,
            StreamObserver<ListAssessmentSurveysResponse> response) {
        new FieldViolations().requireText("assessment_id", request.getAssessmentId(), Lookups.MAX_ID_LENGTH)
                .throwIfAny();
        List<Survey> surveys = reading.ofAssessment(Caller.current(), request.getAssessmentId());
        var answer = ListAssessmentSurveysResponse.newBuilder();
        surveys.forEach(survey -> answer.addSurveys(SurveyMessages.toProto(survey)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    public void listSurveyComments(ListSurveyCommentsRequest request,
            StreamObserver<ListSurveyCommentsResponse> response) {
        FieldViolations violations = new FieldViolations()
                .requireText("centre_id", request.getCentreId(), Lookups.MAX_ID_LENGTH);
        Optional<Instant> start = ProtoTime.required("start_time", request.hasStartTime(), request.getStartTime(),
                "Indiquez le début de la période.", violations);
        Optional<Instant> end = ProtoTime.required("end_time", request.hasEndTime(), request.getEndTime(),
                "Indiquez la fin de la période.", violations);
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            violations.add("end_time", "La fin de la période doit suivre son début.");
        }
        int size = PageTokens.pageSize(request.getPageSize(), PageTokens.MAX_PAGE_SIZE, violations);
        violations.throwIfAny();
        PageTokens tokens = PageTokens.boundTo(request.getCentreId(), start.get(), end.get());
        Optional<List<String>> position = tokens.positionOf(request.getPageToken(), 2);
        Instant afterTime = position.map(p -> PageTokens.instantOf(p.get(0))).orElse(null);
        String afterId = position.map(p -> p.get(1)).orElse(null);

        SurveyReading.CommentPage page = reading.comments(Caller.current(), request.getCentreId(), start.get(),
                end.get(), afterTime, afterId, size);
        var answer = ListSurveyCommentsResponse.newBuilder();
        page.comments().forEach(comment -> answer.addComments(SurveyMessages.toProto(comment)));
        if (page.last() != null) {
            answer.setNextPageToken(tokens.after(String.valueOf(page.last().answerTime().toEpochMilli()),
                    page.last().id()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    public void getQuestionnaire(GetQuestionnaireRequest request, StreamObserver<GetQuestionnaireResponse> response) {
        FieldViolations violations = new FieldViolations()
                .requireText("centre_id", request.getCentreId(), Lookups.MAX_ID_LENGTH);
        SurveyKind kind = SurveyMessages.kind(request.getKind());
        if (kind == null) {
            violations.add("kind", "Indiquez le type d'enquête : END_OF_BILAN, FOLLOW_UP ou FUNDER_YEARLY.");
        }
        violations.throwIfAny();
        response.onNext(GetQuestionnaireResponse.newBuilder()
                .setQuestionnaire(SurveyMessages.toProto(reading.questionnaire(Caller.current(), request.getCentreId(), kind)))
                .build());
        response.onCompleted();
    }
}
