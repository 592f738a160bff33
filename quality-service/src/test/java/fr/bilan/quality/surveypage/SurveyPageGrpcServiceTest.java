package fr.bilan.quality.surveypage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.quality.v1.GetSurveyPageRequest;
import fr.bilan.proto.quality.v1.GetSurveyPageResponse;
import fr.bilan.proto.quality.v1.SubmitSurveyPageRequest;
import fr.bilan.proto.quality.v1.SubmitSurveyPageResponse;
import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.Question.Choice;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.SurveyAnswering;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.NotFound;
import io.grpc.stub.StreamObserver;

/**
 * The page's edge over the real templates, the survey port played by a script: what the beneficiary
 * sees for each answer the survey gives, and what the form passes on.
 */
class SurveyPageGrpcServiceTest {

    private static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");
    private static final Questionnaire QUESTIONNAIRE = new Questionnaire(SurveyKind.FOLLOW_UP, "reseau-2026-1",
            "Votre bilan, six mois après", List.of(
                    new Question("satisfaction", "Êtes-vous satisfait de votre bilan ?", QuestionType.SCALE, true, 1, 5, 4,
                            "Pas du tout satisfait", "Très satisfait", List.of(), true, false),
                    new Question("situation", "Où en est votre projet ?", QuestionType.SINGLE_CHOICE, false, 0, 0, 0,
                            "", "", List.of(new Choice("projet", "Je le mène"), new Choice("formation", "Je me forme")),
                            false, false),
                    new Question("comment", "Un commentaire <libre> ?", QuestionType.COMMENT, false, 0, 0, 0, "", "",
                            List.of(), false, true)));

    private final Script answering = new Script();
    private final SurveyPageGrpcService service = new SurveyPageGrpcService(answering, new SurveyPageTemplates(engine()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** Answers what the test sets, and keeps what it was asked. */
    private static final class Script implements SurveyAnswering {
        private Optional<OpenSurvey> open = Optional.empty();
        private Answered answered = new Unavailable();
        private final List<Map<String, String>> answers = new ArrayList<>();
        private final List<Boolean> submits = new ArrayList<>();

        @Override
        public Optional<OpenSurvey> open(String token, Instant now) {
            return open;
        }

        @Override
        public Answered answer(String token, Map<String, String> given, boolean submit, Instant now) {
            answers.add(given);
            submits.add(submit);
            return answered;
        }
    }

    static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static SurveyAnswering.OpenSurvey survey(Map<String, String> saved) {
        return new SurveyAnswering.OpenSurvey("survey-1", SurveyKind.FOLLOW_UP, QUESTIONNAIRE, "Centre de Lyon", saved,
                true, Instant.parse("2027-01-18T23:00:00Z"), null);
    }

    @Test
    void showsTheSurveyInFrenchWithTheSavedAnswersFilledIn() {
        answering.open = Optional.of(survey(Map.of("satisfaction", "4", "comment", "Bien", "followUpInterview", "accept")));

        String page = get();

        assertThat(page).contains("<html lang=\"fr\">").contains("<title>Votre bilan, six mois après – Centre de Lyon</title>")
                .contains("<legend>Êtes-vous satisfait de votre bilan ? *</legend>")
                .contains("De 1 (Pas du tout satisfait) à 5 (Très satisfait).")
                .contains("aria-describedby=\"q-satisfaction-hint\"")
                .containsPattern("id=\"q-satisfaction-4\" name=\"satisfaction\" value=\"4\"\\s+checked")
                .doesNotContainPattern("id=\"q-satisfaction-3\" name=\"satisfaction\" value=\"3\"\\s+checked")
                .contains("<span>1 – Pas du tout satisfait</span>").contains("<span>5 – Très satisfait</span>")
                .contains("<label class=\"block\" for=\"q-comment\">Un commentaire &lt;libre&gt; ?</label>")
                .containsPattern("<textarea id=\"q-comment\" name=\"comment\"[^>]*>Bien</textarea>")
                .containsPattern("id=\"q-followUpInterview-accept\" name=\"followUpInterview\" value=\"accept\"\\s+checked")
                .contains("jusqu'au <span>19 janvier 2027</span>")
                .doesNotContain("class=\"error-summary\"").doesNotContain("aria-invalid").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("src=").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void aFundersPageSpeaksToTheFunderAboutItsYear() {
        Questionnaire funders = new Questionnaire(SurveyKind.FUNDER_YEARLY, "reseau-2026-1",
                "Votre avis sur les bilans de compétences que vous avez financés", QUESTIONNAIRE.questions().subList(0, 1));
        answering.open = Optional.of(new SurveyAnswering.OpenSurvey("survey-2", SurveyKind.FUNDER_YEARLY, funders,
                "Centre de Lyon", Map.of(), false, Instant.parse("2027-02-05T23:00:00Z"), 2026));

        String page = get();

        assertThat(page).contains("Vous avez financé des bilans de compétences menés par")
                .contains("<span>Centre de Lyon</span> et achevés en <span>2026</span>")
                .contains("lues par l'équipe qualité du centre uniquement").contains("jusqu'au <span>6 février 2027</span>")
                .doesNotContain("jamais publiées avec votre nom").doesNotContain("followUpInterview");
    }

    @Test
    void anUnknownUsedOrLapsedLinkIsOneNotFound() {
        answering.answered = new SurveyAnswering.Unavailable();

        assertThatThrownBy(this::get).isInstanceOf(NotFound.class).hasMessage(SurveyPageGrpcService.LINK_GONE);
        assertThatThrownBy(() -> post("satisfaction=4&action=save")).isInstanceOf(NotFound.class)
                .hasMessage(SurveyPageGrpcService.LINK_GONE);
    }

    @Test
    void savingPassesTheAnswersOnAndSaysTheyAreSaved() {
        answering.answered = new SurveyAnswering.Saved(survey(Map.of("satisfaction", "2")));

        String page = post("satisfaction=2&situation=&comment=&followUpInterview=decline&action=save");

        assertThat(answering.answers).containsExactly(Map.of("satisfaction", "2", "situation", "", "comment", "",
                "followUpInterview", "decline"));
        assertThat(answering.submits).containsExactly(false);
        assertThat(page).contains("role=\"status\"").contains("Vos réponses sont enregistrées")
                .containsPattern("value=\"2\"\\s+checked");
    }

    @Test
    void refusedAnswersComeBackWithAnErrorSummaryLinkingToEachField() {
        answering.answered = new SurveyAnswering.Refused(survey(Map.of()),
                Map.of("satisfaction", "Choisissez une note de 1 à 5.", "followUpInterview", "Dites si vous souhaitez l'entretien."),
                Map.of("comment", "Mon avis"), List.of("q-inconnue"));

        String page = post("comment=Mon+avis&q-inconnue=1&action=submit");

        assertThat(answering.submits).containsExactly(true);
        assertThat(page).contains("<title>Erreur : Votre bilan, six mois après – Centre de Lyon</title>")
                .contains("class=\"error-summary\" role=\"alert\"").contains("Votre réponse contient 3 erreurs")
                .contains("<a href=\"#q-satisfaction-1\">Êtes-vous satisfait de votre bilan ? — Choisissez une note de 1 à 5.</a>")
                .contains("<a href=\"#q-followUpInterview-accept\">Entretien de suivi — Dites si vous souhaitez l&#39;entretien.</a>")
                .contains("(« q-inconnue »)")
                .contains("id=\"q-satisfaction-error\"").contains("aria-describedby=\"q-satisfaction-hint q-satisfaction-error\"")
                .containsPattern("name=\"satisfaction\" value=\"1\"\\s+aria-invalid=\"true\"")
                .contains(">Mon avis</textarea>");
        assertThat(page.indexOf("class=\"error-summary\"")).isLessThan(page.indexOf("<form"));
    }

    @Test
    void sendingForGoodThanks() {
        answering.answered = new SurveyAnswering.Submitted("Centre de Lyon");

        String page = post("satisfaction=5&action=submit");

        assertThat(page).contains("<h1>Merci pour vos réponses</h1>").contains("Centre de Lyon").doesNotContain("<form");
    }

    @Test
    void aFormThatIsNoFormIsRefusedBeforeTheSurveyIsAsked() {
        assertThatThrownBy(() -> service.submitSurveyPage(request("application/json", "{}"), new Collect<>()))
                .isInstanceOf(InvalidFields.class);
        assertThat(answering.answers).isEmpty();
    }

    private String get() {
        Collect<GetSurveyPageResponse> response = new Collect<>();
        service.getSurveyPage(GetSurveyPageRequest.newBuilder().setToken("t").build(), response);
        return text(response.value.getPage());
    }

    private String post(String form) {
        Collect<SubmitSurveyPageResponse> response = new Collect<>();
        service.submitSurveyPage(request("application/x-www-form-urlencoded", form), response);
        return text(response.value.getPage());
    }

    private static SubmitSurveyPageRequest request(String contentType, String form) {
        return SubmitSurveyPageRequest.newBuilder().setToken("t").setForm(HttpBody.newBuilder()
                .setContentType(contentType).setData(ByteString.copyFrom(form, StandardCharsets.UTF_8))).build();
    }

    private static String text(HttpBody page) {
        assertThat(page.getContentType()).isEqualTo("text/html; charset=utf-8");
        return page.getData().toStringUtf8();
    }

    private static final class Collect<T> implements StreamObserver<T> {
        private T value;

        @Override
        public void onNext(T next) {
            value = next;
        }

        @Override
        public void onError(Throwable error) {
            throw new AssertionError(error);
        }

        @Override
        public void onCompleted() {
            assertThat(value).isNotNull();
        }
    }
}
