package fr.bilan.quality.survey.answering;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import fr.bilan.quality.followup.FollowUpAnswers;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyAnswering;
import fr.bilan.quality.survey.SurveyAnswers;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.link.SurveyLinks;
import fr.bilan.quality.survey.questionnaire.QuestionnaireCatalogue;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.security.SecretPathTokens;

/**
 * What a survey's link opens. The token is found by its hash, then checked against the key in constant
 * time; an unknown, used or lapsed link are one and the same answer. Answers are checked against the
 * questionnaire's version the survey recorded, and written whole under the version read: a refused answer
 * writes nothing, two concurrent sends keep one. Sending the "à froid" survey for good passes the follow-up
 * interview's answer on (before the survey is written, so that a failure there leaves the link open to try
 * again; the follow-up takes a repeated answer once).
 */
@Service
class SurveyPages implements SurveyAnswering {

    /** The page's words for a centre without a name in its settings. */
    static final String UNNAMED_CENTRE = "votre centre de bilan de compétences";
    private static final int TRIES = 3;

    private final Surveys surveys;
    private final SurveyLinks links;
    private final QuestionnaireCatalogue questionnaires;
    private final FollowUpAnswers followUps;
    private final Centres centres;

    SurveyPages(Surveys surveys, SurveyLinks links, QuestionnaireCatalogue questionnaires, FollowUpAnswers followUps,
            Centres centres) {
        this.surveys = surveys;
        this.links = links;
        this.questionnaires = questionnaires;
        this.followUps = followUps;
        this.centres = centres;
    }

    @Override
    public Optional<OpenSurvey> open(String token, Instant now) {
        return find(token, now).map(this::opened);
    }

    @Override
    public Answered answer(String token, Map<String, String> answers, boolean submit, Instant now) {
        for (int i = 0; i < TRIES; i++) {
            Optional<Survey> found = find(token, now);
            if (found.isEmpty()) {
                return new Unavailable();
            }
            Survey survey = found.get();
            Questionnaire questionnaire = questionnaireOf(survey);
            SurveyAnswers.Checked checked = SurveyAnswers.check(questionnaire, survey.answers(), answers, submit);
            if (!checked.accepted()) {
                return new Refused(opened(survey), checked.errors(), answers, checked.unknown());
            }
            if (!submit) {
                Optional<Survey> saved = surveys.update(survey.saved(checked.merged()));
                if (saved.isPresent()) {
                    return new Saved(opened(saved.get()));
                }
                continue;
            }
            if (survey.kind() == SurveyKind.FOLLOW_UP) {
                SurveyAnswers.followUpInterview(checked.merged())
                        .ifPresent(accepted -> followUps.answeredFromLink(survey.assessmentId(), accepted, now));
            }
            Boolean satisfied = SurveyAnswers.satisfied(questionnaire, checked.merged());
            if (surveys.update(survey.submitted(checked.merged(), satisfied, now)).isPresent()) {
                return new Submitted(centreName(survey));
            }
        }
        // changed under us each time: the link is as good as busy; nothing was written by this call
        return new Unavailable();
    }

    private Optional<Survey> find(String token, Instant now) {
        if (token == null || !SecretPathTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return surveys.byLinkHash(SurveyLinks.hash(token))
                .filter(survey -> links.opens(token, survey.id(), survey.linkSalt()))
                .filter(survey -> survey.openAt(now));
    }

    private OpenSurvey opened(Survey survey) {
        return new OpenSurvey(survey.id(), survey.kind(), questionnaireOf(survey), centreName(survey), survey.answers(),
                survey.kind() == SurveyKind.FOLLOW_UP, survey.expireTime(), survey.year());
    }

    private Questionnaire questionnaireOf(Survey survey) {
        return questionnaires.asked(survey.kind(), survey.centreId(), survey.questionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("survey " + survey.id() + " was asked with questionnaire "
                        + survey.questionnaireVersion() + ", which is no longer defined: keep every version used"));
    }

    private String centreName(Survey survey) {
        String name = centres.of(survey.centreId()).name();
        return name == null || name.isBlank() ? UNNAMED_CENTRE : name;
    }
}
