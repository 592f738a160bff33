package fr.bilan.quality.survey.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.questionnaire.QuestionnaireCatalogue;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.security.Caller;

/**
 * What the staff read of the surveys: a bilan's surveys (an access to the beneficiary's data, recorded in
 * their access log), a centre's free comments, the funders' among them (no bilan, no name: nothing to log
 * against a person), and the questionnaire a centre asks today.
 */
@Service
public class SurveyReading {

    /** A comment as shown: the kind of survey, the question as asked, the text, the day it was sent. */
    public record Comment(SurveyKind kind, String question, String text, LocalDate answerDate) {
    }

    /**
     * A page of comments.
     *
     * @param last the survey the page ends with, to resume after; null on the last page
     */
    public record CommentPage(List<Comment> comments, Survey last) {
    }

    private final Surveys surveys;
    private final BilanRecords bilans;
    private final QuestionnaireCatalogue questionnaires;
    private final Centres centres;
    private final AccessLog accessLog;

    SurveyReading(Surveys surveys, BilanRecords bilans, QuestionnaireCatalogue questionnaires, Centres centres,
            AccessLog accessLog) {
        this.surveys = surveys;
        this.bilans = bilans;
        this.questionnaires = questionnaires;
        this.centres = centres;
        this.accessLog = accessLog;
    }

    /** A bilan's surveys, the earliest first. */
    public List<Survey> ofAssessment(Caller caller, String assessmentId) {
        BilanRecord bilan = bilans.byId(assessmentId).orElseThrow(() -> new NotFound("Bilan introuvable."));
        AccessedData data = new AccessedData("assessments/" + assessmentId + "/surveys", bilan.beneficiaryId(),
                bilan.centreId());
        accessLog.attempting(caller, data);
        if (!SurveyAccess.surveysOf(caller, bilan)) {
            throw new Forbidden("Seuls le consultant du bilan, les responsables et les auditeurs de son centre voient "
                    + "ses enquêtes de satisfaction.");
        }
        List<Survey> found = surveys.ofAssessment(assessmentId);
        accessLog.record(caller, data);
        return found;
    }

    /**
     * The free comments of {@code centreId}'s surveys answered in [{@code start}, {@code end}), newest first,
     * at most {@code size} a page (a survey's comments are never split over two), after the survey at
     * ({@code afterTime}, {@code afterId}) when given.
     */
    public CommentPage comments(Caller caller, String centreId, Instant start, Instant end, Instant afterTime,
            String afterId, int size) {
        if (!SurveyAccess.commentsOf(caller, centreId)) {
            throw new Forbidden("Seuls les responsables du centre lisent les commentaires de ses enquêtes.");
        }
        List<Comment> comments = new ArrayList<>();
        Survey previous = null;
        Instant time = afterTime;
        String id = afterId;
        while (true) {
            List<Survey> batch = surveys.answeredIn(centreId, start, end, time, id, size + 1);
            for (Survey survey : batch) {
                List<Comment> its = commentsOf(survey);
                if (!comments.isEmpty() && comments.size() + its.size() > size) {
                    return new CommentPage(comments, previous);
                }
                comments.addAll(its);
                previous = survey;
            }
            if (batch.size() <= size) {
                return new CommentPage(comments, null);
            }
            time = previous.answerTime();
            id = previous.id();
        }
    }

    /** The questionnaire {@code centreId} sends surveys of {@code kind} with today. */
    public Questionnaire questionnaire(Caller caller, String centreId, SurveyKind kind) {
        if (!SurveyAccess.questionnaireOf(caller, centreId)) {
            throw new Forbidden("Seuls les responsables et les auditeurs du centre, ou l'administration du réseau, "
                    + "voient ses questionnaires.");
        }
        return questionnaires.current(kind, centreId);
    }

    private List<Comment> commentsOf(Survey survey) {
        Questionnaire questionnaire = questionnaires.asked(survey.kind(), survey.centreId(), survey.questionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("questionnaire " + survey.questionnaireVersion()
                        + " of survey " + survey.id() + " is no longer defined"));
        LocalDate day = LocalDate.ofInstant(survey.answerTime(), centres.of(survey.centreId()).zoneId());
        List<Comment> comments = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            String text = survey.answers().get(question.id());
            if (question.type() == QuestionType.COMMENT && text != null && !text.isBlank()) {
                comments.add(new Comment(survey.kind(), question.label(), text, day));
            }
        }
        return comments;
    }
}
