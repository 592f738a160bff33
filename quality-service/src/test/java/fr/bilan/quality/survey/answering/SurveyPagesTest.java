package fr.bilan.quality.survey.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.survey.RecordingFollowUpAnswers;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyAnswering;
import fr.bilan.quality.survey.SurveyAnswering.Answered;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.SurveyServiceTestSupport;
import fr.bilan.quality.survey.SurveyState;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.link.SurveyLinks;

/**
 * What a link opens: the survey with its saved answers, saved in part, sent for good once, refused whole
 * with French reasons per question, and nothing at all for an unknown, used or lapsed link.
 */
class SurveyPagesTest extends SurveyServiceTestSupport {

    static final Instant SENT = Instant.parse("2026-04-01T10:00:00Z");

    @Autowired
    private SurveyAnswering answering;
    @Autowired
    private Surveys surveys;
    @Autowired
    private SurveyLinks links;
    @Autowired
    private RecordingFollowUpAnswers followUps;

    private record Sent(Survey survey, String token) {
    }

    private Sent hotSurveyOf(String centreId) {
        String assessment = unique("a");
        clock.set(SENT);
        intake.take(handedOver(assessment, centreId, "consultant-1", SENT, 1));
        Survey survey = surveys.ofAssessment(assessment).get(0);
        return new Sent(survey, links.token(survey.id(), survey.linkSalt()));
    }

    private Sent coldSurvey() {
        String assessment = unique("a");
        clock.set(SENT);
        BilanRecord handed = handedOver(assessment, "centre-paris", "consultant-1", SENT.minus(Duration.ofDays(200)), 1);
        intake.take(handed);
        intake.take(ended(handed, Outcome.COMPLETED, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 3, 1)));
        Survey survey = surveys.ofAssessment(assessment).stream().filter(s -> s.kind() == SurveyKind.FOLLOW_UP)
                .findFirst().orElseThrow();
        return new Sent(survey, links.token(survey.id(), survey.linkSalt()));
    }

    private static Map<String, String> complete(String score) {
        return Map.of("satisfactionGlobale", score, "accompagnement", "4", "objectifsAtteints", "oui",
                "clarteSynthese", "5", "recommandation", "oui", "commentaire", "Merci pour l'écoute.");
    }

    @Test
    void answersAreSavedInPartThenSentForGoodOnce() {
        Sent sent = hotSurveyOf("centre-paris");
        SurveyAnswering.OpenSurvey open = answering.open(sent.token(), SENT.plusSeconds(60)).orElseThrow();
        assertThat(open.kind()).isEqualTo(SurveyKind.END_OF_BILAN);
        assertThat(open.followUpOffer()).isFalse();
        assertThat(open.centreName()).isEqualTo(SurveyPages.UNNAMED_CENTRE);

        Answered saved = answering.answer(sent.token(), Map.of("satisfactionGlobale", "2"), false, SENT.plusSeconds(61));
        assertThat(saved).isInstanceOfSatisfying(SurveyAnswering.Saved.class,
                s -> assertThat(s.survey().saved()).containsEntry("satisfactionGlobale", "2"));
        assertThat(surveys.byId(sent.survey().id()).orElseThrow().state()).isEqualTo(SurveyState.PARTIALLY_ANSWERED);
        assertThat(answering.open(sent.token(), SENT.plusSeconds(62)).orElseThrow().saved())
                .containsEntry("satisfactionGlobale", "2");

        Answered submitted = answering.answer(sent.token(), complete("4"), true, SENT.plusSeconds(120));
        assertThat(submitted).isEqualTo(new SurveyAnswering.Submitted(SurveyPages.UNNAMED_CENTRE));
        Survey answered = surveys.byId(sent.survey().id()).orElseThrow();
        assertThat(answered.state()).isEqualTo(SurveyState.ANSWERED);
        assertThat(answered.satisfied()).isTrue();
        assertThat(answered.answerTime()).isEqualTo(SENT.plusSeconds(120));

        // used: the same answer as an unknown link, nothing changes
        assertThat(answering.open(sent.token(), SENT.plusSeconds(121))).isEmpty();
        assertThat(answering.answer(sent.token(), complete("1"), true, SENT.plusSeconds(122)))
                .isInstanceOf(SurveyAnswering.Unavailable.class);
        assertThat(surveys.byId(sent.survey().id()).orElseThrow()).isEqualTo(answered);
    }

    @Test
    void aScoreBelowTheThresholdIsNotSatisfied() {
        Sent sent = hotSurveyOf("centre-paris");
        answering.answer(sent.token(), complete("3"), true, SENT.plusSeconds(60));
        assertThat(surveys.byId(sent.survey().id()).orElseThrow().satisfied()).isFalse();
    }

    @Test
    void aRefusedAnswerRecordsNothingAndSaysWhyPerQuestion() {
        Sent sent = hotSurveyOf("centre-paris");
        answering.answer(sent.token(), Map.of("accompagnement", "5"), false, SENT.plusSeconds(10));
        Survey before = surveys.byId(sent.survey().id()).orElseThrow();

        Answered refused = answering.answer(sent.token(), Map.of("satisfactionGlobale", "9", "recommandation", "jamais",
                "questionRetiree", "3"), true, SENT.plusSeconds(20));

        assertThat(refused).isInstanceOfSatisfying(SurveyAnswering.Refused.class, r -> {
            assertThat(r.errors()).containsEntry("satisfactionGlobale", "Choisissez une note entre 1 et 5.")
                    .containsEntry("recommandation", "Choisissez l'une des réponses proposées.")
                    .containsEntry("clarteSynthese", "Répondez à cette question pour envoyer vos réponses.")
                    .doesNotContainKey("accompagnement");
            assertThat(r.unknownQuestions()).containsExactly("questionRetiree");
            assertThat(r.given()).containsEntry("satisfactionGlobale", "9");
        });
        assertThat(surveys.byId(sent.survey().id()).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aSurveyIsCheckedAgainstTheVersionItWasSentWith() {
        Sent sent = hotSurveyOf(LYON);
        assertThat(sent.survey().questionnaireVersion()).isEqualTo("reseau-2026-1+centre-lyon-2");
        Answered withoutLocaux = answering.answer(sent.token(), complete("5"), true, SENT.plusSeconds(5));
        assertThat(withoutLocaux).isInstanceOfSatisfying(SurveyAnswering.Refused.class,
                r -> assertThat(r.errors()).containsOnlyKeys("locaux"));
        Answered oldQuestion = answering.answer(sent.token(), Map.of("ateliers", "Très bien"), false, SENT.plusSeconds(6));
        assertThat(oldQuestion).isInstanceOfSatisfying(SurveyAnswering.Refused.class,
                r -> assertThat(r.unknownQuestions()).containsExactly("ateliers"));
        Map<String, String> all = new java.util.HashMap<>(complete("5"));
        all.put("locaux", "oui");
        assertThat(answering.answer(sent.token(), all, true, SENT.plusSeconds(7)))
                .isEqualTo(new SurveyAnswering.Submitted("Centre de Lyon"));
    }

    @Test
    void anUnknownMalformedOrLapsedLinkOpensNothing() {
        Sent sent = hotSurveyOf("centre-paris");
        assertThat(answering.open("x".repeat(43), SENT)).isEmpty();
        assertThat(answering.open("short", SENT)).isEmpty();
        assertThat(answering.open(null, SENT)).isEmpty();
        assertThat(answering.answer("y".repeat(43), complete("5"), true, SENT)).isInstanceOf(SurveyAnswering.Unavailable.class);
        Instant expired = sent.survey().expireTime();
        assertThat(answering.open(sent.token(), expired.minusSeconds(1))).isPresent();
        assertThat(answering.open(sent.token(), expired)).isEmpty();
        assertThat(answering.answer(sent.token(), complete("5"), true, expired)).isInstanceOf(SurveyAnswering.Unavailable.class);
    }

    @Test
    void theColdSurveyPassesTheFollowUpInterviewsAnswerOnWhenSentForGood() {
        Sent sent = coldSurvey();
        assertThat(sent.survey().state()).isEqualTo(SurveyState.SENT);
        assertThat(answering.open(sent.token(), SENT.plusSeconds(1)).orElseThrow().followUpOffer()).isTrue();
        String assessment = sent.survey().assessmentId();

        answering.answer(sent.token(), Map.of("followUpInterview", "accept"), false, SENT.plusSeconds(2));
        assertThat(followUps.of(assessment)).isEmpty();

        Answered done = answering.answer(sent.token(), Map.of("utiliteSixMois", "5", "avancementProjet", "enCours"), true,
                SENT.plusSeconds(3));
        assertThat(done).isInstanceOf(SurveyAnswering.Submitted.class);
        assertThat(followUps.of(assessment)).containsExactly(
                new RecordingFollowUpAnswers.Answer(assessment, true, SENT.plusSeconds(3)));
        assertThat(surveys.byId(sent.survey().id()).orElseThrow().satisfied()).isTrue();
    }
}
