package fr.bilan.quality.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One satisfaction survey, written whole under {@code version} (a concurrent change is read again, never
 * written over): a bilan's ({@code assessmentId}), or a funder's yearly one ({@code funderId} and
 * {@code year}, no bilan). Holds no name: the beneficiary is reached through the bilan's facts, the funder's
 * contact through the funders' store, when the invitation goes.
 *
 * @param assessmentId the bilan asked about; null for a funder's survey
 * @param funderId    the funder asked (FUNDER_YEARLY only), or null
 * @param year        the year a funder is asked about (FUNDER_YEARLY only), or null
 * @param sendTime    when its invitation is due
 * @param sentTime    when it was sent, or null
 * @param answerTime  when it was answered for good, or null
 * @param expireTime  when its link lapses, or null before it is sent
 * @param satisfied   null until answered; then whether the headline question scored at least its
 *                    {@code satisfiedFrom}, null if it was left unanswered
 * @param endDate     the bilan's end, or null while it is under way (the results' cohort)
 * @param answers     by question id, as given (and the follow-up interview's answer, for the "à froid" one)
 * @param linkSalt    the random part its link's token is derived from (useless without the link key)
 * @param linkHash    the SHA-256 of its link's token: the only trace of the token kept
 */
public record Survey(String id, String assessmentId, String funderId, Integer year, String centreId,
        SurveyKind kind, SurveyState state, String questionnaireVersion, Instant sendTime, Instant sentTime,
        List<Instant> reminderTimes, Instant answerTime, Instant expireTime, Boolean satisfied, LocalDate endDate,
        Map<String, String> answers, String linkSalt, String linkHash, long version) {

    public Survey {
        Objects.requireNonNull(id);
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(state);
        Objects.requireNonNull(questionnaireVersion);
        Objects.requireNonNull(sendTime);
        if (kind == SurveyKind.FUNDER_YEARLY ? assessmentId != null || funderId == null || year == null
                : assessmentId == null || funderId != null || year != null) {
            throw new IllegalArgumentException("survey " + id + ": a bilan's survey names its bilan, a funder's its "
                    + "funder and year, never both");
        }
        reminderTimes = List.copyOf(reminderTimes);
        answers = Map.copyOf(answers);
    }

    /** A survey whose invitation goes at {@code sendTime}, asked with {@code questionnaireVersion}. */
    public static Survey planned(String id, String assessmentId, String centreId, SurveyKind kind,
            String questionnaireVersion, Instant sendTime, LocalDate endDate) {
        return new Survey(id, assessmentId, null, null, centreId, kind, SurveyState.PLANNED, questionnaireVersion,
                sendTime, null, List.of(), null, null, null, endDate, Map.of(), null, null, 0);
    }

    /** The yearly survey of funder {@code funderId} of {@code centreId} about {@code year}, due at {@code sendTime}. */
    public static Survey ofFunder(String id, String funderId, int year, String centreId, String questionnaireVersion,
            Instant sendTime) {
        return new Survey(id, null, funderId, year, centreId, SurveyKind.FUNDER_YEARLY, SurveyState.PLANNED,
                questionnaireVersion, sendTime, null, List.of(), null, null, null, null, Map.of(), null, null, 0);
    }

    /** Whether its link opens it at {@code now}: sent, not answered for good, not expired. */
    public boolean openAt(Instant now) {
        return state.open() && expireTime != null && now.isBefore(expireTime);
    }

    /** Its invitation sent at {@code now}, with the link whose token hashes to {@code linkHash}, valid for {@code lapseAfter}. */
    public Survey sent(Instant now, Duration lapseAfter, String salt, String hash) {
        require(state == SurveyState.PLANNED, "send");
        return new Survey(id, assessmentId, funderId, year, centreId, kind, SurveyState.SENT, questionnaireVersion,
                sendTime, now, reminderTimes, null, now.plus(lapseAfter), null, endDate, answers, salt, hash, version);
    }

    /** Its invitation due at {@code at} instead (the follow-up's due date moved). */
    public Survey rescheduled(Instant at) {
        require(state == SurveyState.PLANNED, "reschedule");
        return new Survey(id, assessmentId, funderId, year, centreId, kind, state, questionnaireVersion, at, sentTime,
                reminderTimes, answerTime, expireTime, satisfied, endDate, answers, linkSalt, linkHash, version);
    }

    /** Not sent: nobody to send it to any more (the bilan no longer calls for it). */
    public Survey notSent() {
        require(state == SurveyState.PLANNED, "give up");
        return with(SurveyState.NOT_SENT, answers, null, null);
    }

    /** A reminder sent at {@code now}. */
    public Survey reminded(Instant now) {
        require(state.open(), "remind");
        List<Instant> times = new ArrayList<>(reminderTimes);
        times.add(now);
        return new Survey(id, assessmentId, funderId, year, centreId, kind, state, questionnaireVersion, sendTime,
                sentTime, times, answerTime, expireTime, satisfied, endDate, answers, linkSalt, linkHash, version);
    }

    /** Its link lapsed, unanswered for good. */
    public Survey lapsed() {
        require(state.open(), "lapse");
        return with(SurveyState.LAPSED, answers, null, null);
    }

    /** {@code merged} saved for later. */
    public Survey saved(Map<String, String> merged) {
        require(state.open(), "save");
        return with(merged.isEmpty() ? SurveyState.SENT : SurveyState.PARTIALLY_ANSWERED, merged, null, null);
    }

    /** {@code merged} sent for good at {@code now}: the link is used. */
    public Survey submitted(Map<String, String> merged, Boolean headlineSatisfied, Instant now) {
        require(state.open(), "submit");
        return with(SurveyState.ANSWERED, merged, now, headlineSatisfied);
    }

    /** The bilan's end as its facts now say it. */
    public Survey withEndDate(LocalDate day) {
        return new Survey(id, assessmentId, funderId, year, centreId, kind, state, questionnaireVersion, sendTime,
                sentTime, reminderTimes, answerTime, expireTime, satisfied, day, answers, linkSalt, linkHash, version);
    }

    private Survey with(SurveyState next, Map<String, String> merged, Instant answered, Boolean isSatisfied) {
        return new Survey(id, assessmentId, funderId, year, centreId, kind, next, questionnaireVersion, sendTime,
                sentTime, reminderTimes, answered, expireTime, isSatisfied, endDate, merged, linkSalt, linkHash, version);
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalStateException("cannot " + what + " survey " + id + " in state " + state);
        }
    }
}
