package fr.bilan.session.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;

/**
 * What quality-service is told of a bilan, whole, at each change that alters it: process facts only (its
 * people's ids, where it stands, its times, the hours and sessions of each phase, how it is paid for),
 * never its content. It plans the surveys, offers the follow-up interview, surveys the funders and counts
 * the published results and the audit pack from them. Times stay instants here: the relay turns them into
 * the centre's days when it sends them.
 *
 * @param consultantId          the consultant assigned now, empty when none
 * @param outcome               IN_PROGRESS while the action runs, then COMPLETED or the side exit
 * @param startTime             the first session of the action attended, {@code null} before
 * @param endTime               the end of the action, {@code null} while it runs
 * @param synthesisHandoverTime {@code null} before the hand-over
 * @param phases                the phases of the action and the follow-up interview that have a session
 *                              not cancelled, in the phases' order
 * @param followUpDueDate       {@code null} before the end, or when no follow-up is offered
 * @param fundingTerms          its funding's kind, funder and agreement, {@code null} before « financement
 *                              accordé »
 * @param followUpSessionTime   the start of its earliest follow-up interview session not cancelled, {@code null}
 *                              while none is booked
 */
public record BilanFacts(String assessmentId, String beneficiaryId, String centreId, String consultantId,
        String outcome, Instant startTime, Instant endTime, Instant synthesisHandoverTime, List<PhaseFacts> phases,
        LocalDate followUpDueDate, FundingTerms fundingTerms, Instant followUpSessionTime) {

    /** Where a bilan under way stands. */
    public static final String IN_PROGRESS = "IN_PROGRESS";

    /**
     * The hours and sessions of one phase: planned (the sessions not cancelled, held or not), delivered
     * (held with the beneficiary present), and the sessions attended and missed.
     */
    public record PhaseFacts(Phase phase, long plannedMinutes, long deliveredMinutes, int sessionsPlanned,
            int sessionsAttended, int sessionsMissed) {
    }

    public BilanFacts {
        phases = List.copyOf(phases);
    }

    /** The facts {@code assessment} stands at. */
    public static BilanFacts of(Assessment assessment) {
        List<PhaseFacts> phases = List.of(Phase.values()).stream()
                .filter(phase -> phase.ofTheAction() || phase == Phase.FOLLOW_UP)
                .map(phase -> phaseFacts(phase, assessment.sessions().stream()
                        .filter(session -> session.phase() == phase && session.status() != SessionStatus.CANCELLED)
                        .toList()))
                .filter(facts -> facts.sessionsPlanned() > 0).toList();
        return new BilanFacts(assessment.id(), assessment.beneficiaryId(), assessment.centreId(),
                assessment.consultantId(),
                assessment.actionEndTime() == null ? IN_PROGRESS : CpfProgress.outcome(assessment.state()),
                assessment.firstAttendedSessionOfTheAction().orElse(null), assessment.actionEndTime(),
                assessment.synthesisHandoverTime(), phases, assessment.followUpDueDate(), assessment.fundingTerms(),
                assessment.sessions().stream().filter(session -> session.phase() == Phase.FOLLOW_UP
                        && session.status() != SessionStatus.CANCELLED).map(ScheduledSession::start)
                        .min(Instant::compareTo).orElse(null));
    }

    /**
     * Whether quality-service must hear of the change from {@code before} to {@code after}: its facts
     * changed, and its evidence is still kept (a stub has no facts left to tell; quality-service's own
     * evidence goes through the purge).
     */
    public static boolean changed(Assessment before, Assessment after) {
        return after.evidenceDestroyTime() == null && !of(before).equals(of(after));
    }

    private static PhaseFacts phaseFacts(Phase phase, List<ScheduledSession> notCancelled) {
        List<ScheduledSession> attended = notCancelled.stream()
                .filter(session -> session.status() == SessionStatus.ATTENDED).toList();
        return new PhaseFacts(phase, minutes(notCancelled), minutes(attended), notCancelled.size(), attended.size(),
                (int) notCancelled.stream().filter(session -> session.status() == SessionStatus.ABSENT).count());
    }

    private static long minutes(List<ScheduledSession> sessions) {
        return sessions.stream().mapToLong(session -> session.slot().duration().toMinutes()).sum();
    }
}
