package fr.bilan.quality.survey.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.proto.quality.v1.GetQuestionnaireRequest;
import fr.bilan.proto.quality.v1.ListAssessmentSurveysRequest;
import fr.bilan.proto.quality.v1.ListSurveyCommentsRequest;
import fr.bilan.proto.quality.v1.ListSurveyCommentsResponse;
import fr.bilan.proto.quality.v1.SurveyComment;
import fr.bilan.proto.quality.v1.SurveyKind;
import fr.bilan.proto.quality.v1.SurveyServiceGrpc;
import fr.bilan.proto.quality.v1.SurveyState;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyAnswering;
import fr.bilan.quality.survey.SurveyServiceTestSupport;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.link.SurveyLinks;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

/** The staff's reads of the surveys over gRPC, behind the real token check: who sees what, and nothing more. */
class SurveyGrpcTest extends SurveyServiceTestSupport {

    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

    @Autowired
    private Surveys surveys;
    @Autowired
    private SurveyLinks links;
    @Autowired
    private SurveyAnswering answering;

    SurveyServiceGrpc.SurveyServiceBlockingStub as(String subject, String centre, String role) {
        return SurveyServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(subject, List.of(centre), role)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private String answeredBilan(String centre, Instant at, String comment) {
        String assessment = unique("a");
        clock.set(at);
        intake.take(handedOver(assessment, centre, "consultant-" + centre, at, 1));
        Survey survey = surveys.ofAssessment(assessment).get(0);
        SurveyAnswering.Answered answered = answering.answer(links.token(survey.id(), survey.linkSalt()), Map.of(
                "satisfactionGlobale", "4", "accompagnement", "4", "objectifsAtteints", "oui", "clarteSynthese", "4",
                "recommandation", "oui", "commentaire", comment), true, at.plusSeconds(30));
        assertThat(answered).isInstanceOf(SurveyAnswering.Submitted.class);
        return assessment;
    }

    @Test
    void aBilansSurveysForItsConsultantManagersAndAuditorsWithTheAccessRecorded() {
        String centre = unique("centre");
        String assessment = answeredBilan(centre, T0, "Très bien.");
        var request = ListAssessmentSurveysRequest.newBuilder().setAssessmentId(assessment).build();

        var mine = as("consultant-" + centre, centre, "consultant").listAssessmentSurveys(request);
        assertThat(mine.getSurveysList()).singleElement().satisfies(survey -> {
            assertThat(survey.getKind()).isEqualTo(SurveyKind.END_OF_BILAN);
            assertThat(survey.getState()).isEqualTo(SurveyState.ANSWERED);
            assertThat(survey.getQuestionnaireVersion()).isEqualTo("reseau-2026-1");
            assertThat(ProtoTime.toInstant(survey.getSentTime())).isEqualTo(T0);
            assertThat(ProtoTime.toInstant(survey.getAnswerTime())).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(as("auditor-1", centre, "auditor").listAssessmentSurveys(request).getSurveysCount()).isEqualTo(1);
        assertThat(as("manager-1", centre, "centre-manager").listAssessmentSurveys(request).getSurveysCount()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestAccessRegister.of("beneficiary-of-" + assessment).size() >= 3);

        assertThat(codeOf(() -> as("consultant-other", centre, "consultant").listAssessmentSurveys(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as("manager-2", "centre-other", "centre-manager").listAssessmentSurveys(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as("manager-1", centre, "centre-manager").listAssessmentSurveys(
                ListAssessmentSurveysRequest.newBuilder().setAssessmentId("unknown").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(FieldErrors.fieldsOf(() -> as("manager-1", centre, "centre-manager").listAssessmentSurveys(
                ListAssessmentSurveysRequest.getDefaultInstance()))).containsExactly("assessment_id");
    }

    @Test
    void aCentresCommentsNewestFirstAPageAtATimeForItsManagersOnly() {
        String centre = unique("centre");
        for (int i = 1; i <= 3; i++) {
            answeredBilan(centre, T0.plus(Duration.ofHours(i)), "Commentaire " + i);
        }
        answeredBilan(centre, T0.minus(Duration.ofDays(40)), "Hors période");
        var manager = as("manager-" + centre, centre, "centre-manager");
        var first = ListSurveyCommentsRequest.newBuilder().setCentreId(centre)
                .setStartTime(ProtoTime.of(T0)).setEndTime(ProtoTime.of(T0.plus(Duration.ofDays(1)))).setPageSize(2).build();

        ListSurveyCommentsResponse one = manager.listSurveyComments(first);
        ListSurveyCommentsResponse two = manager.listSurveyComments(first.toBuilder().setPageToken(one.getNextPageToken()).build());

        List<String> texts = new ArrayList<>();
        one.getCommentsList().forEach(c -> texts.add(c.getText()));
        two.getCommentsList().forEach(c -> texts.add(c.getText()));
        assertThat(texts).containsExactly("Commentaire 3", "Commentaire 2", "Commentaire 1");
        assertThat(two.getNextPageToken()).isEmpty();
        SurveyComment comment = one.getComments(0);
        assertThat(comment.getKind()).isEqualTo(SurveyKind.END_OF_BILAN);
        assertThat(comment.getQuestion()).startsWith("Souhaitez-vous ajouter un commentaire");
        assertThat(comment.getAnswerDate().getDay()).isEqualTo(4);

        assertThat(codeOf(() -> as("auditor-1", centre, "auditor").listSurveyComments(first)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as("manager-x", "centre-other", "centre-manager").listSurveyComments(first)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(FieldErrors.fieldsOf(() -> manager.listSurveyComments(first.toBuilder()
                .setEndTime(ProtoTime.of(T0.minusSeconds(1))).build()))).containsExactly("end_time");
        assertThat(codeOf(() -> manager.listSurveyComments(first.toBuilder().setCentreId(centre)
                .setPageToken(one.getNextPageToken()).setStartTime(ProtoTime.of(T0.minusSeconds(1))).build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void theQuestionnaireACentreAsksToday() {
        var request = GetQuestionnaireRequest.newBuilder().setCentreId(LYON).setKind(SurveyKind.END_OF_BILAN).build();
        var questionnaire = as("manager-lyon", LYON, "centre-manager").getQuestionnaire(request).getQuestionnaire();
        assertThat(questionnaire.getVersion()).isEqualTo("reseau-2026-1+centre-lyon-2");
        assertThat(questionnaire.getQuestions(0).getId()).isEqualTo("satisfactionGlobale");
        assertThat(questionnaire.getQuestions(0).getSatisfiedFrom()).isEqualTo(4);
        assertThat(questionnaire.getQuestionsList()).filteredOn(q -> q.getCentreAddition())
                .extracting(q -> q.getId()).containsExactly("locaux");
        assertThat(as("admin", "centre-none", "network-admin").getQuestionnaire(request).getQuestionnaire().getVersion())
                .isEqualTo("reseau-2026-1+centre-lyon-2");
        var funders = as("manager-lyon", LYON, "centre-manager").getQuestionnaire(request.toBuilder()
                .setKind(SurveyKind.FUNDER_YEARLY).build()).getQuestionnaire();
        assertThat(funders.getKind()).isEqualTo(SurveyKind.FUNDER_YEARLY);
        assertThat(funders.getVersion()).isEqualTo("reseau-2026-1");
        assertThat(funders.getQuestionsList()).extracting(q -> q.getId()).contains("satisfactionGlobale", "reactivite",
                "informationDeroulement", "recommandation", "commentaire");
        assertThat(codeOf(() -> as("manager-paris", "centre-paris", "centre-manager").getQuestionnaire(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(FieldErrors.fieldsOf(() -> as("manager-lyon", LYON, "centre-manager").getQuestionnaire(
                request.toBuilder().setKind(SurveyKind.SURVEY_KIND_UNSPECIFIED).build()))).containsExactly("kind");
    }

    @Test
    void thePagesRpcsWaitForTheirOwnEdge() {
        assertThat(codeOf(() -> SurveyServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getSurveyPage(fr.bilan.proto.quality.v1.GetSurveyPageRequest.newBuilder().setToken("x".repeat(43))
                        .build()))).isIn(Status.Code.UNIMPLEMENTED, Status.Code.NOT_FOUND);
    }
}
