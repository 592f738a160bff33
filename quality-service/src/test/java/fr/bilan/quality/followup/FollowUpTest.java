package fr.bilan.quality.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The follow-up interview's rules, from the end of the action to its outcome, its booking as session-service
 * tells it, and when its consultant is told of an acceptance, without a store.
 */
class FollowUpTest {

    private static final LocalDate END = LocalDate.of(2026, 12, 7);
    private static final LocalDate DUE = LocalDate.of(2027, 6, 7);
    private static final Instant OFFERED = Instant.parse("2027-06-07T06:00:00Z");
    private static final Instant ANSWERED = Instant.parse("2027-06-09T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 20);
    /** When the facts that end the bilan come. */
    private static final Instant TOLD = Instant.parse("2026-12-07T18:00:00Z");
    /** When the facts showing the follow-up session come. */
    private static final Instant BOOKING = Instant.parse("2027-06-10T08:00:00Z");
    private static final Instant SESSION = Instant.parse("2027-06-18T12:00:00Z");
    private static final Instant MOVED = Instant.parse("2027-06-25T07:30:00Z");

    private static BilanRecord ended(Outcome outcome, LocalDate due) {
        return ended(outcome, due, null);
    }

    private static BilanRecord ended(Outcome outcome, LocalDate due, Instant followUpSession) {
        return new BilanRecord("bilan-1", "beneficiary-1", "centre-lyon", "consultant-1", outcome,
                LocalDate.of(2026, 9, 14), END, null, List.of(), due, "CPF", null, null, followUpSession, 12);
    }

    /** The completed bilan's facts once its follow-up session starts at {@code session} (none: null). */
    private static BilanRecord withSession(Instant session) {
        return ended(Outcome.COMPLETED, DUE, session);
    }

    /** What the end makes, as a table: the outcome, and the state and due date of the follow-up. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            COMPLETED   | SCHEDULED   | 2027-06-07
            WITHDRAWN   | NOT_OFFERED | ''
            ABANDONED   | NOT_OFFERED | ''
            INTERRUPTED | NOT_OFFERED | ''
            """)
    void theEndSchedulesItOrNotForADropOut(Outcome outcome, FollowUpState state, String due) {
        FollowUp followUp = FollowUp.of(ended(outcome, outcome == Outcome.COMPLETED ? DUE : null), TOLD);

        assertThat(followUp.state()).isEqualTo(state);
        assertThat(followUp.consultantId()).isEqualTo("consultant-1");
        assertThat(followUp.sessionTime()).isNull();
        assertThat(followUp.dueDate()).isEqualTo(due.isEmpty() ? null : LocalDate.parse(due));
        assertThat(followUp.endDate()).isEqualTo(END);
        assertThat(followUp.centreId()).isEqualTo("centre-lyon");
    }

    @Test
    void aBilanUnderWayHasNoneYet() {
        assertThatThrownBy(() -> FollowUp.of(ended(Outcome.IN_PROGRESS, null), TOLD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The offer, as a table: the day in the centre, and whether it is offered then. */
    @ParameterizedTest(name = "on {0}: offered {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2027-06-06 | false
            2027-06-07 | true
            2027-09-01 | true
            """)
    void offeredFromItsDueDate(LocalDate today, boolean offered) {
        FollowUp scheduled = FollowUp.of(ended(Outcome.COMPLETED, DUE), TOLD);

        assertThat(scheduled.due(today)).isEqualTo(offered);
        if (offered) {
            FollowUp offer = scheduled.offered(OFFERED, today);
            assertThat(offer.state()).isEqualTo(FollowUpState.OFFERED);
            assertThat(offer.offerTime()).isEqualTo(OFFERED);
            // offering again changes nothing
            assertThat(offer.offered(OFFERED.plusSeconds(3600), today)).isEqualTo(offer);
        } else {
            assertThatThrownBy(() -> scheduled.offered(OFFERED, today)).isInstanceOf(RuleRefusal.class)
                    .hasMessage("L'entretien de suivi est proposé à partir du 7 juin 2027.");
        }
    }

    /** A follow-up in {@code state}, as reached by its path. */
    private static FollowUp in(FollowUpState state) {
        FollowUp scheduled = FollowUp.of(ended(Outcome.COMPLETED, DUE), TOLD);
        return switch (state) {
            case SCHEDULED -> scheduled;
            case OFFERED -> scheduled.offered(OFFERED, DUE);
            case ACCEPTED -> in(FollowUpState.OFFERED).answered(true, AnswerChannel.SURVEY_LINK, ANSWERED);
            case DECLINED -> in(FollowUpState.OFFERED).answered(false, AnswerChannel.SURVEY_LINK, ANSWERED);
            case HELD -> in(FollowUpState.ACCEPTED).held(LocalDate.of(2027, 6, 15), Situation.NEW_JOB, true, TODAY);
            case NOT_OFFERED -> FollowUp.of(ended(Outcome.ABANDONED, null), TOLD);
            case BOOKED -> in(FollowUpState.ACCEPTED).retold(withSession(SESSION), BOOKING);
        };
    }

    /**
     * The answer, as a table: the state, the answer the consultant records, and the state after it or the
     * start of the French refusal. Answering again replaces the answer until the outcome.
     */
    @ParameterizedTest(name = "{0} + accepted {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SCHEDULED   | true  | L'entretien de suivi n'a pas encore été proposé au bénéficiaire : il le sera le 7 juin 2027.
            OFFERED     | true  | ACCEPTED
            OFFERED     | false | DECLINED
            ACCEPTED    | false | DECLINED
            DECLINED    | true  | ACCEPTED
            BOOKED      | false | DECLINED
            BOOKED      | true  | BOOKED
            HELD        | true  | L'entretien de suivi a eu lieu
            NOT_OFFERED | true  | Ce bilan s'est terminé sans être achevé
            """)
    void theAnswer(FollowUpState state, boolean accepted, String after) {
        FollowUp followUp = in(state);
        Instant now = ANSWERED.plusSeconds(86_400);

        if (after.startsWith("L'") || after.startsWith("Ce ")) {
            assertThatThrownBy(() -> followUp.answered(accepted, AnswerChannel.CONSULTANT_RECORDED, now))
                    .isInstanceOf(RuleRefusal.class).hasMessageStartingWith(after);
        } else {
            FollowUp answered = followUp.answered(accepted, AnswerChannel.CONSULTANT_RECORDED, now);
            assertThat(answered.state()).isEqualTo(FollowUpState.valueOf(after));
            assertThat(answered.answerChannel()).isEqualTo(AnswerChannel.CONSULTANT_RECORDED);
            assertThat(answered.answerTime()).isEqualTo(now);
            assertThat(answered.offerTime()).isEqualTo(OFFERED);
        }
    }

    @Test
    void theSameAnswerThroughTheSameChannelAgainChangesNothing() {
        FollowUp accepted = in(FollowUpState.ACCEPTED);

        assertThat(accepted.answered(true, AnswerChannel.SURVEY_LINK, ANSWERED.plusSeconds(60))).isSameAs(accepted);
        assertThat(accepted.answered(true, AnswerChannel.CONSULTANT_RECORDED, ANSWERED.plusSeconds(60)).answerChannel())
                .isEqualTo(AnswerChannel.CONSULTANT_RECORDED);
    }

    /**
     * The outcome, as a table: the state, the day held, and the state after it or the refusal (a field
     * refused names it). Held on the end's day or later, up to today; holding an offered one says it was
     * accepted; recording it again corrects it.
     */
    @ParameterizedTest(name = "{0} held {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            OFFERED     | 2027-06-15 | HELD
            ACCEPTED    | 2027-06-20 | HELD
            ACCEPTED    | 2026-12-07 | HELD
            HELD        | 2027-06-16 | HELD
            BOOKED      | 2027-06-18 | HELD
            ACCEPTED    | 2027-06-21 | heldDate: L'entretien ne peut pas avoir eu lieu après aujourd'hui (le 20 juin 2027).
            ACCEPTED    | 2026-12-06 | heldDate: L'entretien de suivi a lieu après la fin de l'action (le 7 décembre 2026).
            SCHEDULED   | 2027-06-15 | L'entretien de suivi n'a pas encore été proposé
            DECLINED    | 2027-06-15 | Le bénéficiaire a décliné l'entretien de suivi
            NOT_OFFERED | 2027-06-15 | Ce bilan s'est terminé sans être achevé
            """)
    void theOutcome(FollowUpState state, LocalDate held, String after) {
        FollowUp followUp = in(state);

        if (after.startsWith("heldDate: ")) {
            assertThatThrownBy(() -> followUp.held(held, Situation.IN_TRAINING, false, TODAY))
                    .isInstanceOfSatisfying(InvalidFields.class, refusal -> assertThat(refusal.violations())
                            .singleElement().satisfies(violation -> {
                                assertThat(violation.field()).isEqualTo("heldDate");
                                assertThat(violation.description()).isEqualTo(after.substring("heldDate: ".length()));
                            }));
        } else if (!after.equals("HELD")) {
            assertThatThrownBy(() -> followUp.held(held, Situation.IN_TRAINING, false, TODAY))
                    .isInstanceOf(RuleRefusal.class).hasMessageStartingWith(after);
        } else {
            FollowUp outcome = followUp.held(held, Situation.IN_TRAINING, false, TODAY);
            assertThat(outcome.state()).isEqualTo(FollowUpState.HELD);
            assertThat(outcome.heldDate()).isEqualTo(held);
            assertThat(outcome.situation()).isEqualTo(Situation.IN_TRAINING);
            assertThat(outcome.actionPlanStarted()).isFalse();
            assertThat(outcome.dueDate()).isEqualTo(DUE);
        }
    }

    @Test
    void newerFactsMoveAScheduledOneOnlyAndNeverUndoTheOffer() {
        BilanRecord corrected = new BilanRecord("bilan-1", "beneficiary-1", "centre-grenoble", "consultant-2",
                Outcome.COMPLETED, null, END.plusDays(1), null, List.of(), DUE.plusDays(1), "", null, null, null, 13);

        FollowUp scheduled = in(FollowUpState.SCHEDULED).withVersion(3).retold(corrected, BOOKING);
        assertThat(scheduled.dueDate()).isEqualTo(DUE.plusDays(1));
        assertThat(scheduled.version()).isEqualTo(3);

        FollowUp accepted = in(FollowUpState.ACCEPTED).retold(corrected, BOOKING);
        assertThat(accepted.state()).isEqualTo(FollowUpState.ACCEPTED);
        assertThat(accepted.dueDate()).isEqualTo(DUE);
        assertThat(accepted.centreId()).isEqualTo("centre-grenoble");
        assertThat(accepted.consultantId()).isEqualTo("consultant-2");
        assertThat(accepted.endDate()).isEqualTo(END.plusDays(1));
        // the same facts again change nothing
        assertThat(accepted.retold(corrected, BOOKING.plusSeconds(60))).isEqualTo(accepted);
    }

    /**
     * The follow-up session as session-service tells it, as a table: the state, the session's start in the
     * newer facts (none: cancelled, or never booked), and after them the state, the offer time, who answered and
     * when ({@code OFFER}, {@code BOOKING} when the facts came, {@code ANSWER} the beneficiary's from the link).
     * Booking says accepted; booked before its date, the offer is moot; cancelled, it is accepted again; a
     * declined, held or never offered one keeps its state.
     */
    @ParameterizedTest(name = "{0} + session {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SCHEDULED   | SESSION | BOOKED      | BOOKING | CONSULTANT_RECORDED | BOOKING
            SCHEDULED   | -       | SCHEDULED   | -       | -                   | -
            OFFERED     | SESSION | BOOKED      | OFFER   | CONSULTANT_RECORDED | BOOKING
            OFFERED     | -       | OFFERED     | OFFER   | -                   | -
            ACCEPTED    | SESSION | BOOKED      | OFFER   | SURVEY_LINK         | ANSWER
            ACCEPTED    | -       | ACCEPTED    | OFFER   | SURVEY_LINK         | ANSWER
            BOOKED      | MOVED   | BOOKED      | OFFER   | SURVEY_LINK         | ANSWER
            BOOKED      | SESSION | BOOKED      | OFFER   | SURVEY_LINK         | ANSWER
            BOOKED      | -       | ACCEPTED    | OFFER   | SURVEY_LINK         | ANSWER
            DECLINED    | SESSION | DECLINED    | OFFER   | SURVEY_LINK         | ANSWER
            HELD        | MOVED   | HELD        | OFFER   | SURVEY_LINK         | ANSWER
            HELD        | -       | HELD        | OFFER   | SURVEY_LINK         | ANSWER
            NOT_OFFERED | SESSION | NOT_OFFERED | -       | -                   | -
            """)
    void theSessionBooksMovesOrUnbooksIt(FollowUpState state, String session, FollowUpState after, String offerTime,
            AnswerChannel channel, String answerTime) {
        FollowUp followUp = in(state);
        Instant told = session == null ? null : session.equals("MOVED") ? MOVED : SESSION;

        // a drop-out's facts stay a drop-out's
        BilanRecord facts = state == FollowUpState.NOT_OFFERED ? ended(Outcome.ABANDONED, null, told) : withSession(told);
        FollowUp retold = followUp.retold(facts, BOOKING);

        assertThat(retold.state()).isEqualTo(after);
        assertThat(retold.sessionTime()).isEqualTo(told);
        assertThat(retold.offerTime()).isEqualTo(moment(offerTime));
        assertThat(retold.answerChannel()).isEqualTo(channel);
        assertThat(retold.answerTime()).isEqualTo(moment(answerTime));
        assertThat(retold.dueDate()).isEqualTo(state == FollowUpState.NOT_OFFERED ? null : DUE);
        // the same facts again change nothing
        assertThat(retold.retold(facts, BOOKING.plusSeconds(3600))).isEqualTo(retold);
    }

    private static Instant moment(String name) {
        return name == null ? null : switch (name) {
            case "OFFER" -> OFFERED;
            case "BOOKING" -> BOOKING;
            case "ANSWER" -> ANSWERED;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void aBilanThatEndsWithItsFollowUpSessionBookedIsBookedAtOnce() {
        FollowUp booked = FollowUp.of(withSession(SESSION), TOLD);

        assertThat(booked.state()).isEqualTo(FollowUpState.BOOKED);
        assertThat(booked.offerTime()).isEqualTo(TOLD);
        assertThat(booked.answerChannel()).isEqualTo(AnswerChannel.CONSULTANT_RECORDED);
        assertThat(booked.answerTime()).isEqualTo(TOLD);
        assertThat(booked.dueDate()).isEqualTo(DUE);
        // no longer waiting for its offer: the job leaves it
        assertThat(booked.due(DUE)).isFalse();
        assertThat(booked.offered(OFFERED, DUE)).isSameAs(booked);
        // cancelled: accepted, to book again
        assertThat(booked.retold(withSession(null), BOOKING).state()).isEqualTo(FollowUpState.ACCEPTED);
    }

    @Test
    void acceptedWhileASessionIsPlannedItIsBookedDeclinedTheSessionStaysShownForTheConsultantToCancel() {
        FollowUp declined = in(FollowUpState.BOOKED).answered(false, AnswerChannel.SURVEY_LINK, ANSWERED);
        assertThat(declined.state()).isEqualTo(FollowUpState.DECLINED);
        assertThat(declined.sessionTime()).isEqualTo(SESSION);

        FollowUp acceptedAgain = declined.answered(true, AnswerChannel.CONSULTANT_RECORDED, ANSWERED.plusSeconds(60));
        assertThat(acceptedAgain.state()).isEqualTo(FollowUpState.BOOKED);
        assertThat(acceptedAgain.sessionTime()).isEqualTo(SESSION);
    }

    /**
     * When the consultant is told, as a table: the state before (and who answered it), the answer and its
     * channel, and whether it is the beneficiary's acceptance from the link their consultant hears of.
     */
    @ParameterizedTest(name = "{0} by {1} + accepted {2} by {3}: told {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            OFFERED  | -                   | true  | SURVEY_LINK         | true
            DECLINED | CONSULTANT_RECORDED | true  | SURVEY_LINK         | true
            OFFERED  | -                   | false | SURVEY_LINK         | false
            OFFERED  | -                   | true  | CONSULTANT_RECORDED | false
            ACCEPTED | CONSULTANT_RECORDED | true  | SURVEY_LINK         | false
            BOOKED   | CONSULTANT_RECORDED | true  | SURVEY_LINK         | false
            ACCEPTED | SURVEY_LINK         | true  | SURVEY_LINK         | false
            """)
    void theConsultantIsToldOfAnAcceptanceFromTheLinkOnly(FollowUpState state, AnswerChannel before, boolean accepted,
            AnswerChannel channel, boolean told) {
        FollowUp read = in(state);
        if (before != null && before != read.answerChannel()) {
            read = read.answered(read.accepted(), before, ANSWERED);
        }

        FollowUp answered = read.answered(accepted, channel, ANSWERED.plusSeconds(600));

        assertThat(answered.acceptedFromTheLinkSince(read)).isEqualTo(told);
    }

}
