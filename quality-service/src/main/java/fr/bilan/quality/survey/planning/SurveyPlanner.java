package fr.bilan.quality.survey.planning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import fr.bilan.quality.bilan.BilanFactsListener;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.SurveyState;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.questionnaire.QuestionnaireCatalogue;
import fr.bilan.support.centre.Centres;

/**
 * Plans a bilan's surveys from its facts: the "à chaud" one when the synthèse's hand-over appears, sent at
 * once; the "à froid" one when the bilan ends completed with a follow-up due date, sent that day at
 * {@code follow-up-hour} in the centre's zone. A drop-out (withdrawn, abandoned, interrupted) is asked
 * nothing: its "à chaud" survey is kept NOT_SENT (the contract's "ended without a survey"), so that the audit
 * pack shows why none was answered, and a survey still planned is not sent. A survey's id is derived from its bilan and kind, so a retried or concurrent intake plans it
 * once; the bilan's end date follows the facts into every survey of it (the results' cohort).
 */
final class SurveyPlanner implements BilanFactsListener {

    private static final int TRIES = 5;

    private final Surveys surveys;
    private final QuestionnaireCatalogue questionnaires;
    private final SurveySending sending;
    private final Centres centres;
    private final SurveyProperties properties;
    private final Clock clock;

    SurveyPlanner(Surveys surveys, QuestionnaireCatalogue questionnaires, SurveySending sending, Centres centres,
            SurveyProperties properties, Clock clock) {
        this.surveys = surveys;
        this.questionnaires = questionnaires;
        this.sending = sending;
        this.centres = centres;
        this.properties = properties;
        this.clock = clock;
    }

    /** The id of a bilan's survey of a kind: the same whichever replica or retry plans it. */
    static String idOf(String assessmentId, SurveyKind kind) {
        return UUID.nameUUIDFromBytes(("survey/" + assessmentId + "/" + kind).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public void recorded(BilanRecords.Recorded recorded) {
        BilanRecord bilan = recorded.current();
        Instant now = clock.instant();
        surveys.ofAssessment(bilan.assessmentId()).stream()
                .filter(survey -> !Objects.equals(survey.endDate(), bilan.endDate()))
                .forEach(survey -> followEndDate(survey, bilan));
        if (bilan.outcome().dropOut()) {
            notSent(bilan, now);
            return;
        }
        if (bilan.synthesisHandoverTime() != null) {
            plan(bilan, SurveyKind.END_OF_BILAN, bilan.synthesisHandoverTime(), now);
        }
        if (bilan.outcome() == Outcome.COMPLETED && bilan.followUpDueDate() != null) {
            Instant due = bilan.followUpDueDate().atTime(properties.followUpHour())
                    .atZone(centres.of(bilan.centreId()).zoneId()).toInstant();
            plan(bilan, SurveyKind.FOLLOW_UP, due, now);
        }
    }

    private void plan(BilanRecord bilan, SurveyKind kind, Instant sendTime, Instant now) {
        String id = idOf(bilan.assessmentId(), kind);
        surveys.plan(Survey.planned(id, bilan.assessmentId(), bilan.centreId(), kind,
                questionnaires.current(kind, bilan.centreId()).version(), sendTime, bilan.endDate()));
        for (int i = 0; i < TRIES; i++) {
            Survey kept = surveys.byId(id).orElseThrow();
            if (kept.state() != SurveyState.PLANNED) {
                return;
            }
            if (!kept.sendTime().equals(sendTime)) {
                // the due date moved (a corrected end): the invitation goes at the new one
                if (surveys.update(kept.rescheduled(sendTime)).isEmpty()) {
                    continue;
                }
                kept = surveys.byId(id).orElseThrow();
            }
            if (kept.sendTime().isAfter(now) || sending.send(kept, now).isPresent()) {
                return;
            }
        }
    }

    private void notSent(BilanRecord bilan, Instant now) {
        SurveyKind kind = SurveyKind.END_OF_BILAN;
        surveys.plan(Survey.planned(idOf(bilan.assessmentId(), kind), bilan.assessmentId(), bilan.centreId(), kind,
                questionnaires.current(kind, bilan.centreId()).version(), now, bilan.endDate()).notSent());
        for (Survey survey : surveys.ofAssessment(bilan.assessmentId())) {
            Survey current = survey;
            for (int i = 0; i < TRIES && current != null && current.state() == SurveyState.PLANNED; i++) {
                if (surveys.update(current.notSent()).isPresent()) {
                    break;
                }
                current = surveys.byId(survey.id()).orElse(null);
            }
        }
    }

    private void followEndDate(Survey survey, BilanRecord bilan) {
        Survey current = survey;
        for (int i = 0; i < TRIES && !Objects.equals(current.endDate(), bilan.endDate()); i++) {
            if (surveys.update(current.withEndDate(bilan.endDate())).isPresent()) {
                return;
            }
            current = surveys.byId(survey.id()).orElse(null);
            if (current == null) {
                return;
            }
        }
    }
}
