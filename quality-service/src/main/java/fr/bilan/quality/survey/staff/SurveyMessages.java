package fr.bilan.quality.survey.staff;

import java.util.function.Consumer;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.quality.v1.Choice;
import fr.bilan.proto.quality.v1.QuestionType;
import fr.bilan.proto.quality.v1.SurveyComment;
import fr.bilan.proto.quality.v1.SurveyKind;
import fr.bilan.proto.quality.v1.SurveyState;
import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.Survey;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** The surveys as the contract carries them: without their answers, nor any link. */
public final class SurveyMessages {

    private SurveyMessages() {
    }

    static fr.bilan.proto.quality.v1.Survey toProto(Survey survey) {
        var message = fr.bilan.proto.quality.v1.Survey.newBuilder().setId(survey.id()).setKind(kind(survey.kind()))
                .setState(SurveyState.valueOf(survey.state().name()))
                .setQuestionnaireVersion(survey.questionnaireVersion());
        times(survey, message::setSentTime, message::addReminderTimes, message::setAnswerTime, message::setExpireTime);
        return message.build();
    }

    /**
     * A survey's times as a message carries them, each given only when it happened: the staff's
     * {@code Survey}, a funder's {@code FunderSurvey}.
     */
    public static void times(Survey survey, Consumer<Timestamp> sent, Consumer<Timestamp> reminded,
            Consumer<Timestamp> answered, Consumer<Timestamp> expires) {
        if (survey.sentTime() != null) {
            sent.accept(ProtoTime.of(survey.sentTime()));
        }
        survey.reminderTimes().forEach(time -> reminded.accept(ProtoTime.of(time)));
        if (survey.answerTime() != null) {
            answered.accept(ProtoTime.of(survey.answerTime()));
        }
        if (survey.expireTime() != null) {
            expires.accept(ProtoTime.of(survey.expireTime()));
        }
    }

    static SurveyComment toProto(SurveyReading.Comment comment) {
        return SurveyComment.newBuilder().setKind(kind(comment.kind())).setQuestion(comment.question())
                .setText(comment.text()).setAnswerDate(ProtoDates.of(comment.answerDate())).build();
    }

    static fr.bilan.proto.quality.v1.Questionnaire toProto(Questionnaire questionnaire) {
        var message = fr.bilan.proto.quality.v1.Questionnaire.newBuilder().setKind(kind(questionnaire.kind()))
                .setVersion(questionnaire.version()).setTitle(questionnaire.title());
        for (Question question : questionnaire.questions()) {
            var q = fr.bilan.proto.quality.v1.Question.newBuilder().setId(question.id()).setLabel(question.label())
                    .setType(QuestionType.valueOf(question.type().name())).setRequired(question.required())
                    .setCentreAddition(question.centreAddition());
            if (question.type() == fr.bilan.quality.survey.QuestionType.SCALE) {
                q.setMin(question.min()).setMax(question.max()).setSatisfiedFrom(question.satisfiedFrom());
                if (question.minLabel() != null) {
                    q.setMinLabel(question.minLabel());
                }
                if (question.maxLabel() != null) {
                    q.setMaxLabel(question.maxLabel());
                }
            }
            question.choices().forEach(choice -> q.addChoices(Choice.newBuilder().setValue(choice.value())
                    .setLabel(choice.label())));
            message.addQuestions(q);
        }
        return message.build();
    }

    static SurveyKind kind(fr.bilan.quality.survey.SurveyKind kind) {
        return SurveyKind.valueOf(kind.name());
    }

    /** The kind asked; null for none or an unknown one. */
    static fr.bilan.quality.survey.SurveyKind kind(SurveyKind kind) {
        return switch (kind) {
            case END_OF_BILAN -> fr.bilan.quality.survey.SurveyKind.END_OF_BILAN;
            case FOLLOW_UP -> fr.bilan.quality.survey.SurveyKind.FOLLOW_UP;
            case FUNDER_YEARLY -> fr.bilan.quality.survey.SurveyKind.FUNDER_YEARLY;
            case SURVEY_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }
}
