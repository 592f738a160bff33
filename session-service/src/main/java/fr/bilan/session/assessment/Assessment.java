package fr.bilan.session.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import fr.bilan.session.calendar.CentreRules;
import fr.bilan.session.calendar.ConsultantAvailability;
import fr.bilan.session.calendar.FrenchDates;
import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * A bilan de compétences and everything that must change with it at once: its state, its consultant
 * and their history, its sessions and their attendance. One document, so that the 24-hour cap, the
 * phase order and the centre's weekly rules hold without transactions: every change is checked
 * against the whole and written whole, under its version.
 *
 * @param beneficiaryAccountId the login of the beneficiary (empty when they have none): who signs and reads as them
 * @param format               {@code null} once the evidence is destroyed
 * @param personalWork         the beneficiary's personal work, in the order recorded: not accompaniment
 *                             ({@link PersonalWork}); none once the evidence is destroyed
 * @param followUpDueDate      when the follow-up interview is offered for, once the action ended with the synthèse
 * @param fundingTerms         how it is paid for, as its funding stood when agreed; {@code null} before
 *                             « financement accordé », and once the evidence is destroyed
 * @param evidenceDestroyTime  when its process evidence was destroyed ({@link #evidenceDestroyed}); {@code null} before
 * @param version              the stored version this was read at (0 before the first write)
 */
public record Assessment(String id, String beneficiaryId, String beneficiaryAccountId, String centreId,
        String fundingId, DeliveryFormat format, AssessmentState state, String stateReason,
        List<Assignment> assignments, List<ScheduledSession> sessions, List<PersonalWork> personalWork,
        Instant synthesisHandoverTime, Instant actionEndTime, LocalDate followUpDueDate, FundingTerms fundingTerms,
        Instant createTime, Instant evidenceDestroyTime, long version) {

    /** Entries of personal work a bilan keeps at most: the document stays small, a real bilan needs far fewer. */
    static final int MAX_PERSONAL_WORK = 200;

    public Assessment {
        assignments = List.copyOf(assignments);
        sessions = List.copyOf(sessions);
        personalWork = List.copyOf(personalWork);
    }

    /** A bilan opened at its intake interview, its consultant assigned. */
    public static Assessment open(String id, String beneficiaryId, String beneficiaryAccountId, String centreId,
            String consultantId, String fundingId, DeliveryFormat format, String openedBy, Instant now) {
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, fundingId, format,
                AssessmentState.INTAKE_INTERVIEW, null, List.of(new Assignment(consultantId, now, null, openedBy)),
                List.of(), List.of(), null, null, null, null, now, null, 0);
    }

    /** The consultant assigned now; empty once the evidence is destroyed (no assignment is left). */
    public String consultantId() {
        return assignments.stream().filter(Assignment::current).findFirst().map(Assignment::consultantId).orElse("");
    }

    /**
     * The bilan once its process evidence is destroyed, three years after the end of its action
     * (L6362-6; retention-service's clock decides when): a stub that keeps what names the bilan and
     * where it stands (id, beneficiary and their login, centre, state, creation and end times) and
     * nothing of how it ran: no session, time, place, video link or attendance signature, no
     * consultant nor their history, no funding nor its terms, format, reason, hand-over or follow-up
     * date. The holds of its sessions go with them ({@link AssessmentChanges#destroyEvidence}). Destroying
     * again changes nothing; a bilan whose action runs is refused (nothing is due before its end).
     */
    public Assessment evidenceDestroyed(Instant now) {
        if (evidenceDestroyTime != null) {
            return this;
        }
        if (actionEndTime == null) {
            throw new RuleRefusal("L'action de ce bilan n'est pas terminée : ses pièces justificatives ne se détruisent "
                    + "que trois ans après sa fin (Code du travail, art. L6362-6).");
        }
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, null, null, state, null, List.of(),
                List.of(), List.of(), null, actionEndTime, null, null, createTime, now, version);
    }

    /**
     * Its sessions and their attendance sheets, as long as they are kept: refused with the date and
     * the reason once destroyed, which is what an auditor asking for them is then told.
     */
    public List<ScheduledSession> keptSessions() {
        checkEvidenceKept("");
        return sessions;
    }

    /** Refuses what needs the process evidence once it is destroyed, saying when and why. */
    private void checkEvidenceKept(String consequence) {
        if (evidenceDestroyTime != null) {
            throw new EvidenceDestroyed(evidenceDestroyTime, consequence);
        }
    }

    /** Refuses any change once the evidence is destroyed: the stub no longer changes. */
    private void checkChangeable() {
        checkEvidenceKept(" : ce bilan ne change plus");
    }

    /** The start of its first session of the action the beneficiary attended: the start of the action proper. */
    public Optional<Instant> firstAttendedSessionOfTheAction() {
        return sessions.stream()
                .filter(session -> session.phase().ofTheAction() && session.status() == SessionStatus.ATTENDED)
                .map(ScheduledSession::start).min(Instant::compareTo);
    }

    /** Its hours between the floor and the cap, with the beneficiary's personal work shown beside them. */
    public HourBudget hours() {
        return HourBudget.of(sessions.stream().map(ScheduledSession::hours).toList(),
                personalWork.stream().map(PersonalWork::hours).toList());
    }

    /**
     * Records the beneficiary's personal work in a phase the action has reached, done on a day
     * between the bilan's opening and today (in {@code zone}, the centre's); recording the same
     * entry again (same id) changes nothing. It is not accompaniment: no hour of the cap or the
     * floor moves.
     */
    public Assessment recordPersonalWork(PersonalWork work, ZoneId zone) {
        checkChangeable();
        if (personalWork.stream().anyMatch(recorded -> recorded.id().equals(work.id()))) {
            return this;
        }
        boolean reached = !state.actionEnded()
                && state.phase().filter(Phase::ofTheAction).map(current -> current.compareTo(work.phase()) >= 0)
                        .orElse(false);
        if (!reached) {
            boolean running = state.phase().filter(Phase::ofTheAction).isPresent() && !state.actionEnded();
            throw new RuleRefusal("Ce bilan est au stade « " + state.frenchName() + " » : le travail personnel du "
                    + "bénéficiaire se note pendant l'action, dans une phase déjà commencée"
                    + (running ? " ; la " + work.phase().frenchName() + " n'a pas commencé." : "."));
        }
        LocalDate today = LocalDate.ofInstant(work.recordTime(), zone);
        LocalDate opened = LocalDate.ofInstant(createTime, zone);
        if (work.day().isAfter(today) || work.day().isBefore(opened)) {
            throw new RuleRefusal("Le travail personnel se note une fois fait, entre l'ouverture du bilan (le "
                    + FrenchDates.day(opened) + ") et aujourd'hui (le " + FrenchDates.day(today) + ").");
        }
        if (personalWork.size() >= MAX_PERSONAL_WORK) {
            throw new RuleRefusal("Ce bilan compte déjà " + MAX_PERSONAL_WORK + " temps de travail personnel notés : "
                    + "regroupez-les (jusqu'à 40 h par entrée).");
        }
        List<PersonalWork> all = new ArrayList<>(personalWork);
        all.add(work);
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, fundingId, format, state, stateReason,
                assignments, sessions, all, synthesisHandoverTime, actionEndTime, followUpDueDate, fundingTerms,
                createTime, evidenceDestroyTime, version);
    }

    /**
     * The session of that id, to change or to answer a change with: refused once the evidence is
     * destroyed, since the stub no longer changes.
     */
    public Optional<ScheduledSession> session(String sessionId) {
        checkChangeable();
        return sessions.stream().filter(session -> session.id().equals(sessionId)).findFirst();
    }

    /** Books {@code session} if every rule allows it. */
    public Assessment schedule(ScheduledSession session, CentreRules rules, ConsultantAvailability availability,
            Instant now) {
        checkBookable(session.phase(), session.slot(), session.place(), session.id(), rules, availability, now);
        List<ScheduledSession> all = new ArrayList<>(sessions);
        all.add(session);
        return withSessions(all);
    }

    /**
     * Books every session of a plan, or none: each is checked against the ones before it in time,
     * whatever order the plan lists them in (a session of a phase needs one of each earlier phase
     * before it).
     */
    public Assessment scheduleAll(List<ScheduledSession> plan, CentreRules rules, ConsultantAvailability availability,
            Instant now) {
        Assessment planned = this;
        for (ScheduledSession session : plan.stream().sorted(Comparator.comparing(ScheduledSession::start)).toList()) {
            planned = planned.schedule(session, rules, availability, now);
        }
        return planned;
    }

    /** Moves a planned session that has not started to {@code slot} and {@code place}. */
    public Assessment reschedule(String sessionId, Slot slot, Place place, CentreRules rules,
            ConsultantAvailability availability, Instant now) {
        checkChangeable();
        ScheduledSession session = requirePlanned(sessionId, now);
        checkBookable(session.phase(), slot, place, sessionId, rules, availability, now);
        return replace(sessionId, found -> found.movedTo(slot, place, now));
    }

    /** Cancels a planned session that has not started; cancelling it again changes nothing. */
    public Assessment cancel(String sessionId, String reason, Instant now) {
        checkChangeable();
        if (session(sessionId).map(ScheduledSession::status).orElse(null) == SessionStatus.CANCELLED) {
            return this;
        }
        requirePlanned(sessionId, now);
        return replace(sessionId, found -> found.cancelled(reason, now));
    }

    /**
     * Signs the attendance sheet of a session that has started, for whom {@code signatory} may sign
     * ({@link Signatory#signerFor}: themself, or the session's consultant for the beneficiary from a
     * signed paper sheet); signing twice changes nothing.
     *
     * @param asked whose signature the caller says it is; empty for their own
     */
    public Assessment signAttendance(String sessionId, Signatory signatory, Optional<Signer> asked,
            SignatureMethod method, Instant now) {
        Signer signer = signatory.signerFor(requireSession(sessionId), asked, method);
        return sign(sessionId, new AttendanceSignature(signer, now, method.name()));
    }

    /** Adds a signature to the attendance sheet of a session that has started; signing twice changes nothing. */
    public Assessment sign(String sessionId, AttendanceSignature signature) {
        checkChangeable();
        ScheduledSession session = requireSession(sessionId);
        if (session.signedBy(signature.signer())) {
            return this;
        }
        checkHeld(session, signature.time());
        return replace(sessionId, found -> found.signed(signature));
    }

    /** Records that the beneficiary did not come: the session uses no hours. */
    public Assessment markAbsent(String sessionId, Instant now) {
        checkChangeable();
        ScheduledSession session = requireSession(sessionId);
        if (session.status() == SessionStatus.ABSENT) {
            return this;
        }
        checkHeld(session, now);
        if (session.signedBy(Signer.BENEFICIARY)) {
            throw new RuleRefusal("Le bénéficiaire a signé la feuille d'émargement de cette séance : il était présent.");
        }
        return replace(sessionId, ScheduledSession::missed);
    }

    /**
     * Moves the bilan to {@code to}; moving to the state it is in changes nothing (a retry). When the
     * action ends, its planned sessions are cancelled; when it ends with the conclusion, the
     * follow-up interview is offered {@code followUp} months on.
     *
     * @param fundingConfirmed       whether its funding is agreed, as beneficiary-service says
     * @param agreedTerms            the terms of that funding, read with it: kept when the bilan moves to
     *                               « financement accordé », ignored otherwise
     * @param participationConsented whether the beneficiary's consent to take part is in force, as
     *                               beneficiary-service says
     */
    public Assessment move(AssessmentState to, String reason, boolean fundingConfirmed, FundingTerms agreedTerms,
            boolean participationConsented, Instant now, FollowUpOffer followUp, ZoneId zone) {
        if (to == state) {
            return this;
        }
        checkChangeable();
        Set<Phase> attended = sessions.stream().filter(session -> session.status() == SessionStatus.ATTENDED)
                .map(ScheduledSession::phase).collect(Collectors.toSet());
        AssessmentLifecycle.checkMove(state, to,
                new AssessmentLifecycle.Progress(fundingConfirmed, participationConsented, attended,
                        synthesisHandoverTime != null, hours().delivered()), reason);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        boolean ends = to.actionEnded() && !state.actionEnded();
        List<ScheduledSession> kept = sessions;
        Instant endTime = actionEndTime;
        LocalDate followUpDue = followUpDueDate;
        if (ends) {
            endTime = now;
            kept = sessions.stream().map(session -> session.status() == SessionStatus.PLANNED
                    ? session.cancelled("fin de l'action : " + to.frenchName(), now) : session).toList();
            followUpDue = to == AssessmentState.ACTION_ENDED ? followUp.dueDate(LocalDate.ofInstant(now, zone)) : null;
        }
        FundingTerms terms = to == AssessmentState.FUNDING_AGREED ? agreedTerms : fundingTerms;
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, fundingId, format, to, why,
                assignments, kept, personalWork, synthesisHandoverTime, endTime, followUpDue, terms, createTime,
                evidenceDestroyTime, version);
    }

    /** The bilan with its funding named; it is checked where it is held (beneficiary-service). */
    Assessment fundedBy(String funding) {
        checkChangeable();
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, funding, format, state, stateReason,
                assignments, sessions, personalWork, synthesisHandoverTime, actionEndTime, followUpDueDate,
                fundingTerms, createTime, evidenceDestroyTime, version);
    }

    /** Gives the bilan to {@code consultant}; its planned sessions go with it. */
    public Assessment reassign(String consultant, String assignedBy, Instant now) {
        checkChangeable();
        if (consultant.equals(consultantId())) {
            return this;
        }
        if (state.terminal()) {
            throw new RuleRefusal("Ce bilan est « " + state.frenchName() + " » : il n'a plus de consultant à changer.");
        }
        List<Assignment> history = new ArrayList<>(assignments.stream()
                .map(assignment -> assignment.current() ? assignment.endedAt(now) : assignment).toList());
        history.add(new Assignment(consultant, now, null, assignedBy));
        List<ScheduledSession> moved = sessions.stream().map(session -> session.status() == SessionStatus.PLANNED
                ? session.ledBy(consultant, now) : session).toList();
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, fundingId, format, state,
                stateReason, history, moved, personalWork, synthesisHandoverTime, actionEndTime, followUpDueDate,
                fundingTerms, createTime, evidenceDestroyTime, version);
    }

    /**
     * synthesis-service handed the synthèse over; the first report is the one kept. A report
     * arriving after the evidence was destroyed changes nothing: it would be evidence again.
     */
    public Assessment synthesisHandedOver(Instant time) {
        if (synthesisHandoverTime != null || evidenceDestroyTime != null) {
            return this;
        }
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, fundingId, format, state,
                stateReason, assignments, sessions, personalWork, time, actionEndTime, followUpDueDate, fundingTerms,
                createTime, evidenceDestroyTime, version);
    }

    private void checkBookable(Phase phase, Slot slot, Place place, String sessionId, CentreRules rules,
            ConsultantAvailability availability, Instant now) {
        checkPhaseOpen(phase);
        if (!slot.start().isAfter(now)) {
            throw new RuleRefusal("Une séance se planifie à l'avance : ce créneau est déjà commencé ou passé.");
        }
        format.checkPlace(place);
        List<ScheduledSession> others = sessions.stream()
                .filter(session -> session.holdsSlot() && !session.id().equals(sessionId)).toList();
        rules.check(slot, others.stream().map(ScheduledSession::slot).toList());
        availability.unavailability(slot, rules.zone().zone()).ifPresent(reason -> {
            throw new RuleRefusal("Ce créneau ne convient pas : " + reason + ".");
        });
        PhaseOrder.check(phase, slot, others, rules.zone().zone());
        HourBudget.of(others.stream().map(ScheduledSession::hours).toList()).checkFits(phase, slot.duration());
    }

    /** Which phases take new sessions in the current state. */
    void checkPhaseOpen(Phase phase) {
        checkChangeable();
        if (state.terminal()) {
            throw new RuleRefusal("Ce bilan est « " + state.frenchName() + " » : on n'y planifie plus de séance.");
        }
        boolean open = switch (phase) {
            case INTAKE -> state == AssessmentState.INTAKE_INTERVIEW;
            case FOLLOW_UP -> state == AssessmentState.ACTION_ENDED || state == AssessmentState.FOLLOW_UP;
            default -> !state.actionEnded()
                    && state.phase().map(current -> current.ordinal() <= phase.ordinal()).orElse(true);
        };
        if (!open) {
            throw new RuleRefusal("Ce bilan est au stade « " + state.frenchName() + " » : on n'y planifie plus de séance "
                    + phase.ofThe() + ".");
        }
    }

    private void checkHeld(ScheduledSession session, Instant now) {
        if (session.status() == SessionStatus.CANCELLED) {
            throw new RuleRefusal("Cette séance a été annulée.");
        }
        if (session.status() == SessionStatus.ABSENT) {
            throw new RuleRefusal("Le bénéficiaire a été noté absent à cette séance.");
        }
        if (now.isBefore(session.start())) {
            throw new RuleRefusal("Cette séance n'a pas encore commencé.");
        }
        if (state.phase().filter(phase -> phase == session.phase()).isEmpty()) {
            throw new RuleRefusal("Ce bilan est au stade « " + state.frenchName() + " » : passez-le d'abord au stade de "
                    + "cette séance (" + session.phase().frenchName() + ").");
        }
    }

    private ScheduledSession requirePlanned(String sessionId, Instant now) {
        ScheduledSession session = requireSession(sessionId);
        if (session.status() != SessionStatus.PLANNED || !session.start().isAfter(now)) {
            throw new RuleRefusal("Seule une séance prévue et pas encore commencée peut être déplacée ou annulée.");
        }
        return session;
    }

    private ScheduledSession requireSession(String sessionId) {
        return session(sessionId).orElseThrow(() -> new UnknownSession(sessionId));
    }

    private Assessment replace(String sessionId, UnaryOperator<ScheduledSession> change) {
        return withSessions(sessions.stream()
                .map(session -> session.id().equals(sessionId) ? change.apply(session) : session).toList());
    }

    private Assessment withSessions(List<ScheduledSession> changed) {
        List<ScheduledSession> ordered = changed.stream()
                .sorted(Comparator.comparing(ScheduledSession::start)).toList();
        return new Assessment(id, beneficiaryId, beneficiaryAccountId, centreId, fundingId, format, state,
                stateReason, assignments, ordered, personalWork, synthesisHandoverTime, actionEndTime, followUpDueDate,
                fundingTerms, createTime, evidenceDestroyTime, version);
    }

    /** A session id the bilan does not have. */
    public static final class UnknownSession extends NotFound {

        public UnknownSession(String sessionId) {
            super("Ce bilan n'a pas de séance « " + sessionId + " ».");
        }
    }
}
