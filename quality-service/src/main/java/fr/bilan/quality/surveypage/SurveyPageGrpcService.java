package fr.bilan.quality.surveypage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.GetSurveyPageResponse;
import fr.bilan.proto.quality.v1.SubmitSurveyPageRequest;
import fr.bilan.proto.quality.v1.SubmitSurveyPageResponse;
import fr.bilan.quality.survey.SurveyAnswering;
import fr.bilan.quality.survey.SurveyAnswering.Answered;
import fr.bilan.quality.survey.SurveyAnswering.Refused;
import fr.bilan.quality.survey.SurveyAnswering.Saved;
import fr.bilan.quality.survey.SurveyAnswering.Submitted;
import fr.bilan.support.refusal.NotFound;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of the survey's page ({@code GetSurveyPage}, {@code SubmitSurveyPage} of
 * {@code SurveyService}, which the service's binding routes here): no token, the link's secret in the
 * path is the credential. An unknown, used or lapsed link all get the same NOT_FOUND, which the
 * gateway shows as a French page; answers refused come back as the page with its errors.
 */
@Component
public class SurveyPageGrpcService {

    /** The one answer to a link that opens nothing, whatever the reason: a guessed link learns nothing. */
    static final String LINK_GONE = "Ce lien n'est plus valide : il a déjà servi, il a expiré ou il est incomplet. "
            + "Si vous n'avez pas encore répondu, demandez un nouveau lien au centre qui vous accompagne.";
    private static final String HTML = "text/html; charset=utf-8";

    private final SurveyAnswering answering;
    private final SurveyPageTemplates pages;
    private final Clock clock;

    SurveyPageGrpcService(SurveyAnswering answering, SurveyPageTemplates pages, Clock clock) {
        this.answering = answering;
        this.pages = pages;
        this.clock = clock;
    }

    public void getSurveyPage(GetSurveyPageRequest request, StreamObserver<GetSurveyPageResponse> response) {
        var survey = answering.open(request.getToken(), clock.instant()).orElseThrow(() -> new NotFound(LINK_GONE));
        String page = pages.survey(SurveyPageView.of(survey, survey.saved(), Map.of(), List.of(), false));
        response.onNext(GetSurveyPageResponse.newBuilder().setPage(html(page)).build());
        response.onCompleted();
    }

    public void submitSurveyPage(SubmitSurveyPageRequest request, StreamObserver<SubmitSurveyPageResponse> response) {
        SurveyForm form = SurveyForm.parse(request.getForm().getContentType(), request.getForm().getData().toByteArray());
        Instant now = clock.instant();
        Answered answered = answering.answer(request.getToken(), form.answers(), form.submit(), now);
        String page;
        if (answered instanceof Saved saved) {
            page = pages.survey(SurveyPageView.of(saved.survey(), saved.survey().saved(), Map.of(), List.of(), true));
        } else if (answered instanceof Submitted submitted) {
            page = pages.thanks(submitted.centreName());
        } else if (answered instanceof Refused refused) {
            page = pages.survey(SurveyPageView.of(refused.survey(), refused.given(), refused.errors(),
                    refused.unknownQuestions(), false));
        } else {
            throw new NotFound(LINK_GONE);
        }
        response.onNext(SubmitSurveyPageResponse.newBuilder().setPage(html(page)).build());
        response.onCompleted();
    }

    private static HttpBody html(String page) {
        return HttpBody.newBuilder().setContentType(HTML).setData(ByteString.copyFrom(page, StandardCharsets.UTF_8))
                .build();
    }
}
