package fr.bilan.synthesis.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a centre's audit pack prints, as quality-service assembled it: pseudonymised bilans, their
 * dates, hours and the existence of their surveys, follow-up and complaints; then the centre's totals.
 * No name, no content. States ({@code outcome}, {@code state}...) come in quality-service's French words,
 * phases and survey kinds as codes; a date is {@code null} when it did not happen (yet).
 *
 * @param startDate the period's first day
 * @param endDate   the period's last day (included)
 * @param zone      the centre's zone, in which {@code generateTime} prints
 */
public record AuditPackPrint(String centreId, LocalDate startDate, LocalDate endDate, Instant generateTime,
        ZoneId zone, List<Bilan> bilans, Totals totals) {

    public AuditPackPrint {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(generateTime, "generateTime");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(totals, "totals");
        bilans = List.copyOf(bilans);
    }

    /**
     * One bilan.
     *
     * @param dropOutReason empty unless it ended early
     * @param followUp      {@code null} when none is kept
     */
    public record Bilan(String pseudonym, LocalDate agreementSignDate, LocalDate startDate, LocalDate endDate,
            String outcome, String dropOutReason, List<Phase> phases, LocalDate synthesisHandoverDate,
            List<Survey> surveys, FollowUp followUp, List<Complaint> complaints) {

        public Bilan {
            phases = List.copyOf(phases);
            surveys = List.copyOf(surveys);
            complaints = List.copyOf(complaints);
        }
    }

    /** The hours and sessions of one phase. */
    public record Phase(String phase, int plannedMinutes, int deliveredMinutes, int sessionsPlanned,
            int sessionsAttended, int sessionsMissed) {
    }

    /** A survey's dates: whether it was answered, never what. */
    public record Survey(String kind, String state, LocalDate sentDate, List<LocalDate> reminderDates,
            LocalDate answerDate, LocalDate expireDate) {

        public Survey {
            reminderDates = List.copyOf(reminderDates);
        }
    }

    /** The follow-up interview; {@code situation} empty until recorded. */
    public record FollowUp(String state, LocalDate dueDate, LocalDate offerDate, LocalDate answerDate,
            LocalDate heldDate, String situation) {
    }

    /** A complaint's dates. */
    public record Complaint(LocalDate receivedDate, LocalDate acknowledgedDate, LocalDate answeredDate) {
    }

    /** The centre's totals over the pack's bilans. */
    public record Totals(int bilans, int inProgress, int completed, int dropOuts, long plannedMinutes,
            long deliveredMinutes, int sessionsAttended, int sessionsMissed, int agreementsSigned,
            int synthesesHandedOver, int endOfBilanSurveysSent, int endOfBilanSurveysAnswered,
            int followUpSurveysSent, int followUpSurveysAnswered, int followUpsHeld, int complaints,
            int complaintsAnswered) {
    }
}
