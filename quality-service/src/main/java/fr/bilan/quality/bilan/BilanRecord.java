package fr.bilan.quality.bilan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What quality-service knows of one bilan, as session-service last told it (at {@code revision}): its
 * people (to reach the beneficiary for a survey, to scope by centre and consultant; never in an aggregate or
 * a pack), where it stands, its dates and the hours of each phase. Process evidence only, no content.
 *
 * @param consultantId          the consultant assigned, or empty
 * @param startDate             the first session held, or null before it
 * @param endDate               the end of the action, or null while under way
 * @param synthesisHandoverTime when the synthèse was handed over, or null before
 * @param followUpDueDate       when the follow-up interview is due, or null before the end
 * @param fundingKind           the funding's kind as session-service names it (CPF, EMPLOYER_PLAN...), or empty
 * @param agreementSignDate     the day the funding's tripartite agreement was signed, or null
 * @param funder                who pays for it, as its agreed funding names them, or null (self-funded, or before)
 * @param followUpSessionTime   the start of its FOLLOW_UP session, the earliest not cancelled, or null
 */
public record BilanRecord(String assessmentId, String beneficiaryId, String centreId, String consultantId,
        Outcome outcome, LocalDate startDate, LocalDate endDate, Instant synthesisHandoverTime,
        List<PhaseHours> phases, LocalDate followUpDueDate, String fundingKind, LocalDate agreementSignDate,
        FunderRef funder, Instant followUpSessionTime, long revision) {

    public BilanRecord {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(beneficiaryId, "beneficiaryId");
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(outcome, "outcome");
        consultantId = consultantId == null ? "" : consultantId;
        fundingKind = fundingKind == null ? "" : fundingKind;
        phases = List.copyOf(phases);
    }

    /** The hours of a phase, if it has any. */
    public Optional<PhaseHours> hoursOf(Phase phase) {
        return phases.stream().filter(hours -> hours.phase() == phase).findFirst();
    }

    /** Minutes delivered in the three phases of the action (the follow-up is not part of it). */
    public int deliveredMinutesOfTheAction() {
        return phases.stream().filter(hours -> hours.phase() != Phase.FOLLOW_UP).mapToInt(PhaseHours::deliveredMinutes).sum();
    }

    /** Minutes planned in the three phases of the action. */
    public int plannedMinutesOfTheAction() {
        return phases.stream().filter(hours -> hours.phase() != Phase.FOLLOW_UP).mapToInt(PhaseHours::plannedMinutes).sum();
    }
}
