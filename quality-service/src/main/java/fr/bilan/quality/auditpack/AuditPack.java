package fr.bilan.quality.auditpack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;

/**
 * A centre's audit pack for a period: one line per bilan under way during it, under its pseudonym, with
 * the dates and hours of its process and whether its surveys were answered; then the centre's totals.
 * Never an id, a name, a bilan's content nor a survey's answers: what an auditor may read of any bilan.
 *
 * @param zone the centre's zone, in which every day is counted
 */
public record AuditPack(String centreId, AuditPeriod period, Instant generateTime, ZoneId zone, List<Line> lines,
        Totals totals) {

    public AuditPack {
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generateTime, "generateTime");
        Objects.requireNonNull(zone, "zone");
        lines = List.copyOf(lines);
        Objects.requireNonNull(totals, "totals");
    }

    /**
     * One bilan. A date is {@code null} when it did not happen (yet).
     *
     * @param phases   its phases with hours or sessions, in the phases' order
     * @param followUp {@code null} when none is kept
     */
    public record Line(String pseudonym, LocalDate agreementSignDate, LocalDate startDate, LocalDate endDate,
            Outcome outcome, List<PhaseHours> phases, LocalDate synthesisHandoverDate, List<SurveyDates> surveys,
            FollowUpDates followUp, List<ComplaintDates> complaints) {

        public Line {
            Objects.requireNonNull(pseudonym, "pseudonym");
            Objects.requireNonNull(outcome, "outcome");
            phases = List.copyOf(phases);
            surveys = List.copyOf(surveys);
            complaints = List.copyOf(complaints);
        }

        /**
         * Why it ended early, as the register names drop-out reasons: the outcome of a side exit says it
         * (withdrawn at the beneficiary's request, abandoned, interrupted by force majeure).
         */
        public Optional<String> dropOutReason() {
            return switch (outcome) {
                case WITHDRAWN -> Optional.of("WITHDRAWAL");
                case ABANDONED -> Optional.of("ABANDONMENT");
                case INTERRUPTED -> Optional.of("FORCE_MAJEURE");
                case IN_PROGRESS, COMPLETED -> Optional.empty();
            };
        }

        /** The hours of {@code phase}, if it has any. */
        public Optional<PhaseHours> hoursOf(Phase phase) {
            return phases.stream().filter(hours -> hours.phase() == phase).findFirst();
        }

        /** Its survey of {@code kind} (END_OF_BILAN, FOLLOW_UP), if one is kept. */
        public Optional<SurveyDates> survey(String kind) {
            return surveys.stream().filter(survey -> survey.kind().equals(kind)).findFirst();
        }
    }

    /**
     * A satisfaction survey's dates: whether it was answered, never what. Days in the centre's zone.
     *
     * @param kind  END_OF_BILAN or FOLLOW_UP
     * @param state PLANNED, SENT, PARTIALLY_ANSWERED, ANSWERED, LAPSED or NOT_SENT
     */
    public record SurveyDates(String kind, String state, LocalDate sentDate, List<LocalDate> reminderDates,
            LocalDate answerDate, LocalDate expireDate) {

        public static final String END_OF_BILAN = "END_OF_BILAN";
        public static final String FOLLOW_UP = "FOLLOW_UP";

        public SurveyDates {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(state, "state");
            reminderDates = List.copyOf(reminderDates);
        }

        /** Whether it left (a link was sent). */
        public boolean sent() {
            return sentDate != null;
        }

        /** Whether it was answered in full. */
        public boolean answered() {
            return "ANSWERED".equals(state);
        }
    }

    /**
     * The follow-up interview.
     *
     * @param state     SCHEDULED, OFFERED, ACCEPTED, BOOKED, DECLINED, HELD or NOT_OFFERED
     * @param situation the situation at six months, or empty
     */
    public record FollowUpDates(String state, LocalDate dueDate, LocalDate offerDate, LocalDate answerDate,
            LocalDate heldDate, String situation) {

        public FollowUpDates {
            Objects.requireNonNull(state, "state");
            situation = situation == null ? "" : situation;
        }

        public boolean held() {
            return "HELD".equals(state);
        }
    }

    /** A complaint concerning a bilan: its days only. */
    public record ComplaintDates(LocalDate receivedDate, LocalDate acknowledgedDate, LocalDate answeredDate) {
    }

    /** The centre's totals over the pack's bilans. */
    public record Totals(int bilans, int inProgress, int completed, int dropOuts, long plannedMinutes,
            long deliveredMinutes, int sessionsAttended, int sessionsMissed, int agreementsSigned,
            int synthesesHandedOver, int endOfBilanSurveysSent, int endOfBilanSurveysAnswered,
            int followUpSurveysSent, int followUpSurveysAnswered, int followUpsHeld, int complaints,
            int complaintsAnswered) {

        /** The totals of {@code lines}: the hours of the action's three phases, the sessions of every phase. */
        public static Totals of(List<Line> lines) {
            return new Totals(lines.size(),
                    count(lines, line -> line.outcome() == Outcome.IN_PROGRESS),
                    count(lines, line -> line.outcome() == Outcome.COMPLETED),
                    count(lines, line -> line.outcome().dropOut()),
                    lines.stream().flatMap(line -> line.phases().stream()).filter(hours -> hours.phase() != Phase.FOLLOW_UP)
                            .mapToLong(PhaseHours::plannedMinutes).sum(),
                    lines.stream().flatMap(line -> line.phases().stream()).filter(hours -> hours.phase() != Phase.FOLLOW_UP)
                            .mapToLong(PhaseHours::deliveredMinutes).sum(),
                    lines.stream().flatMap(line -> line.phases().stream()).mapToInt(PhaseHours::sessionsAttended).sum(),
                    lines.stream().flatMap(line -> line.phases().stream()).mapToInt(PhaseHours::sessionsMissed).sum(),
                    count(lines, line -> line.agreementSignDate() != null),
                    count(lines, line -> line.synthesisHandoverDate() != null),
                    count(lines, line -> line.survey(SurveyDates.END_OF_BILAN).filter(SurveyDates::sent).isPresent()),
                    count(lines, line -> line.survey(SurveyDates.END_OF_BILAN).filter(SurveyDates::answered).isPresent()),
                    count(lines, line -> line.survey(SurveyDates.FOLLOW_UP).filter(SurveyDates::sent).isPresent()),
                    count(lines, line -> line.survey(SurveyDates.FOLLOW_UP).filter(SurveyDates::answered).isPresent()),
                    count(lines, line -> line.followUp() != null && line.followUp().held()),
                    lines.stream().mapToInt(line -> line.complaints().size()).sum(),
                    (int) lines.stream().flatMap(line -> line.complaints().stream())
                            .filter(complaint -> complaint.answeredDate() != null).count());
        }

        private static int count(List<Line> lines, java.util.function.Predicate<Line> which) {
            return (int) lines.stream().filter(which).count();
        }
    }
}
