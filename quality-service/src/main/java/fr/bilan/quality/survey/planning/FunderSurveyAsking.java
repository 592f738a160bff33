package fr.bilan.quality.survey.planning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.bilan.quality.survey.FunderSurveys;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.SurveyState;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.questionnaire.QuestionnaireCatalogue;

/**
 * Asks a funder about a year: its survey's id is derived from the centre, the funder and the year, so that a
 * retried or concurrent ask (the yearly job on two replicas, a manager's click meanwhile) keeps one survey,
 * and the store's unique index holds it too. Planned and sent at once; one left planned by a crash in
 * between is sent by the next ask or by the surveys' round.
 */
final class FunderSurveyAsking implements FunderSurveys {

    private static final int TRIES = 5;

    private final Surveys surveys;
    private final QuestionnaireCatalogue questionnaires;
    private final SurveySending sending;

    FunderSurveyAsking(Surveys surveys, QuestionnaireCatalogue questionnaires, SurveySending sending) {
        this.surveys = surveys;
        this.questionnaires = questionnaires;
        this.sending = sending;
    }

    /** The id of a funder's survey of a year: the same whichever replica or retry asks. */
    static String idOf(String centreId, String funderId, int year) {
        return UUID.nameUUIDFromBytes(("funder-survey/" + centreId + "/" + funderId + "/" + year)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public Asked ask(String centreId, String funderId, int year, Instant now) {
        String id = idOf(centreId, funderId, year);
        surveys.plan(Survey.ofFunder(id, funderId, year, centreId,
                questionnaires.current(SurveyKind.FUNDER_YEARLY, centreId).version(), now));
        for (int i = 0; i < TRIES; i++) {
            Survey kept = surveys.byId(id).orElseThrow();
            if (kept.state() != SurveyState.PLANNED) {
                return new Asked(kept, false);
            }
            var sent = sending.send(kept, now);
            if (sent.isPresent()) {
                return new Asked(sent.get(), true);
            }
        }
        throw new IllegalStateException("funder survey " + id + " changed under every try to send it");
    }

    @Override
    public List<Survey> ofYear(String centreId, int year) {
        return surveys.ofFunders(centreId, year);
    }
}
