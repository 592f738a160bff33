package fr.bilan.notification.planning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.tracking.TrackedAgreement;
import fr.bilan.notification.tracking.TrackedSession;
import fr.bilan.notification.tracking.TrackedSession.SessionState;

/**
 * What each fact plans or withdraws. Notices (convocation, change, cancellation, the agreement awaiting
 * signature, the synthèse, and to the consultant a follow-up accepted) go at once; reminders at the
 * centre's hour, the day before a session and two days before an agreement's last day, unless the
 * beneficiary turned them off or their time has passed.
 * A state older than the one known (a lower session {@code sequence}, an earlier agreement fact) changes
 * nothing, nor does the same state again; nothing is announced of a session already started. Every
 * message's key is {@code <event id>/<kind>}, so a fact taken twice plans nothing twice.
 */
public final class Planner {

    static final String SESSION_CHANGED = "La séance a changé : un message à jour remplace celui-ci.";
    static final String SESSION_STARTED = "La séance a déjà commencé.";
    static final String SESSION_CANCELLED = "La séance a été annulée.";
    static final String SESSION_SETTLED = "La séance a eu lieu, ou l'absence a été constatée.";
    static final String AGREEMENT_REPLACED = "Un nouveau projet de convention remplace le précédent.";
    static final String AGREEMENT_SETTLED = "La convention a été signée ou refusée, ou le délai de signature est passé.";
    static final String ASSESSMENT_ENDED = "L'action de bilan est terminée.";

    private static final Set<NotificationKind> SESSION_MESSAGES = Set.of(NotificationKind.CONVOCATION,
            NotificationKind.SESSION_CHANGED, NotificationKind.SESSION_REMINDER);

    private final ReminderTimes times;

    public Planner(ReminderTimes times) {
        this.times = times;
    }

    public Plan plan(RecordedFact recorded, Situation situation) {
        Fact fact = recorded.fact();
        if (fact instanceof Fact.SessionScheduled scheduled) {
            return scheduled(recorded, scheduled, situation);
        }
        if (fact instanceof Fact.SessionCancelled cancelled) {
            return cancelled(recorded, cancelled, situation);
        }
        if (fact instanceof Fact.SessionSettled) {
            return settled(recorded, situation);
        }
        if (fact instanceof Fact.AgreementAwaitingSignature awaiting) {
            return awaiting(recorded, awaiting, situation);
        }
        if (fact instanceof Fact.AgreementSettled agreement) {
            return agreementSettled(recorded, agreement, situation);
        }
        if (fact instanceof Fact.FollowUpAccepted accepted) {
            // told at once to the consultant, who books it; nothing of the bilan is tracked for it
            Notification notice = message(recorded, NotificationKind.FOLLOW_UP_ACCEPTED, accepted.centreId(),
                    new Recipient.Staff(accepted.consultantId()), accepted.followUp().assessmentId(),
                    accepted.followUp(), situation.now());
            return new Plan(List.of(notice), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (fact instanceof Fact.SynthesisAvailable synthesis) {
            Notification notice = message(recorded, NotificationKind.SYNTHESIS_AVAILABLE, synthesis.centreId(),
                    synthesis.beneficiaryId(), synthesis.assessmentId(), new Subject.Synthesis(synthesis.assessmentId()),
                    situation.now());
            return new Plan(List.of(notice), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Fact.AssessmentEnded ended = (Fact.AssessmentEnded) fact;
        List<Plan.Withdrawal> withdrawals = situation.pending().stream().filter(n -> n.kind().reminder())
                .map(n -> new Plan.Withdrawal(n, ASSESSMENT_ENDED)).toList();
        return new Plan(List.of(), withdrawals, Optional.empty(), Optional.empty(), Optional.of(ended.assessmentId()));
    }

    private Plan scheduled(RecordedFact recorded, Fact.SessionScheduled fact, Situation situation) {
        Subject.Session session = fact.session();
        Optional<TrackedSession> known = situation.session();
        if (known.isPresent()) {
            TrackedSession before = known.get();
            int knownSequence = before.session().sequence();
            boolean older = session.sequence() < knownSequence;
            boolean cancelledSince = before.state() == SessionState.CANCELLED && session.sequence() <= knownSequence;
            boolean same = session.sequence() == knownSequence && session.equals(before.session());
            if (older || cancelledSince || same || before.state() == SessionState.ENDED) {
                return Plan.NOTHING;
            }
        }
        TrackedSession now = new TrackedSession(fact.beneficiaryId(), fact.centreId(), session, SessionState.SCHEDULED,
                recorded.occurTime());
        List<Notification> superseded = situation.pending().stream().filter(n -> SESSION_MESSAGES.contains(n.kind()))
                .toList();
        if (!session.start().isAfter(situation.now())) {
            return new Plan(List.of(), withdraw(superseded, SESSION_STARTED), Optional.of(now), Optional.empty(),
                    Optional.empty());
        }
        // never convened (unknown, cancelled since, or its convocation not sent yet): a convocation, not a change
        boolean convened = known.isPresent() && known.get().state() != SessionState.CANCELLED
                && superseded.stream().noneMatch(n -> n.kind() == NotificationKind.CONVOCATION);
        List<Notification> planned = new ArrayList<>();
        planned.add(message(recorded, convened ? NotificationKind.SESSION_CHANGED : NotificationKind.CONVOCATION,
                fact.centreId(), fact.beneficiaryId(), session.assessmentId(), session, situation.now()));
        Instant reminder = times.sessionReminder(fact.centreId(), session.start());
        if (situation.remindersEnabled() && reminder.isAfter(situation.now())) {
            planned.add(message(recorded, NotificationKind.SESSION_REMINDER, fact.centreId(), fact.beneficiaryId(),
                    session.assessmentId(), session, reminder));
        }
        return new Plan(planned, withdraw(superseded, SESSION_CHANGED), Optional.of(now), Optional.empty(),
                Optional.empty());
    }

    private Plan cancelled(RecordedFact recorded, Fact.SessionCancelled fact, Situation situation) {
        Optional<TrackedSession> known = situation.session();
        if (known.isPresent() && (fact.sequence() < known.get().session().sequence()
                || known.get().state() == SessionState.CANCELLED)) {
            return Plan.NOTHING;
        }
        // the fact carries no place: the one last heard of, if any (a cancellation does not print it)
        String room = known.isPresent() ? known.get().session().room() : "";
        String videoLink = known.isPresent() ? known.get().session().videoLink() : null;
        Subject.Session session = new Subject.Session(fact.assessmentId(), fact.sessionId(), fact.consultantId(),
                fact.phase(), fact.start(), fact.end(), room, videoLink, fact.sequence(), fact.calendarUid());
        TrackedSession now = new TrackedSession(fact.beneficiaryId(), fact.centreId(), session, SessionState.CANCELLED,
                recorded.occurTime());
        List<Notification> superseded = situation.pending().stream().filter(n -> SESSION_MESSAGES.contains(n.kind()))
                .toList();
        boolean neverConvened = superseded.stream().anyMatch(n -> n.kind() == NotificationKind.CONVOCATION);
        List<Notification> planned = fact.start().isAfter(situation.now()) && !neverConvened
                ? List.of(message(recorded, NotificationKind.SESSION_CANCELLED, fact.centreId(), fact.beneficiaryId(),
                        fact.assessmentId(), session, situation.now()))
                : List.of();
        return new Plan(planned, withdraw(superseded, SESSION_CANCELLED), Optional.of(now), Optional.empty(),
                Optional.empty());
    }

    private Plan settled(RecordedFact recorded, Situation situation) {
        Optional<TrackedSession> known = situation.session();
        if (known.isEmpty() || known.get().state() != SessionState.SCHEDULED) {
            return Plan.NOTHING;
        }
        List<Notification> reminders = situation.pending().stream().filter(n -> n.kind().reminder()).toList();
        return new Plan(List.of(), withdraw(reminders, SESSION_SETTLED),
                Optional.of(known.get().in(SessionState.SETTLED, recorded.occurTime())), Optional.empty(),
                Optional.empty());
    }

    private Plan awaiting(RecordedFact recorded, Fact.AgreementAwaitingSignature fact, Situation situation) {
        Optional<TrackedAgreement> known = situation.agreement();
        if (known.isPresent() && (known.get().lastOccurTime().isAfter(recorded.occurTime())
                || known.get().awaiting() && known.get().deadline().equals(fact.deadline()))) {
            return Plan.NOTHING;
        }
        TrackedAgreement now = new TrackedAgreement(fact.fundingId(), fact.beneficiaryId(), fact.centreId(),
                fact.deadline(), true, recorded.occurTime());
        List<Plan.Withdrawal> withdrawals = withdraw(situation.pending(), AGREEMENT_REPLACED);
        LocalDate today = times.today(fact.centreId(), situation.now());
        if (fact.deadline().isBefore(today)) {
            // lapsed already: nothing left to sign
            return new Plan(List.of(), withdrawals, Optional.empty(), Optional.of(now), Optional.empty());
        }
        Subject.Agreement agreement = new Subject.Agreement(fact.fundingId(), fact.deadline());
        List<Notification> planned = new ArrayList<>();
        planned.add(message(recorded, NotificationKind.AGREEMENT_AWAITING_SIGNATURE, fact.centreId(),
                fact.beneficiaryId(), null, agreement, situation.now()));
        Instant reminder = times.agreementReminder(fact.centreId(), fact.deadline());
        if (situation.remindersEnabled() && reminder.isAfter(situation.now())) {
            planned.add(message(recorded, NotificationKind.AGREEMENT_SIGNATURE_REMINDER, fact.centreId(),
                    fact.beneficiaryId(), null, agreement, reminder));
        }
        return new Plan(planned, withdrawals, Optional.empty(), Optional.of(now), Optional.empty());
    }

    private Plan agreementSettled(RecordedFact recorded, Fact.AgreementSettled fact, Situation situation) {
        Optional<TrackedAgreement> known = situation.agreement();
        if (known.isPresent() && (known.get().lastOccurTime().isAfter(recorded.occurTime()) || !known.get().awaiting())) {
            return Plan.NOTHING;
        }
        // unknown: kept as settled all the same, so that an older "awaiting" arriving late changes nothing
        // (its last day no longer matters: the fact's own day stands in)
        TrackedAgreement now = known.map(k -> k.settled(recorded.occurTime())).orElseGet(() -> new TrackedAgreement(
                fact.fundingId(), fact.beneficiaryId(), fact.centreId(),
                times.today(fact.centreId(), recorded.occurTime()), false, recorded.occurTime()));
        return new Plan(List.of(), withdraw(situation.pending(), AGREEMENT_SETTLED), Optional.empty(), Optional.of(now),
                Optional.empty());
    }

    /**
     * The reminders a beneficiary who turns them back on gets again: of their sessions still to come and
     * agreements still awaiting, those whose time has not passed and that are not pending already.
     *
     * @param keyPrefix what makes these messages' keys unique: the change of choices that planned them
     */
    public List<Notification> remindersAgain(String keyPrefix, String beneficiaryId, List<TrackedSession> sessions,
            List<TrackedAgreement> agreements, Set<String> alreadyPending, Instant now) {
        List<Notification> planned = new ArrayList<>();
        for (TrackedSession tracked : sessions) {
            Instant due = times.sessionReminder(tracked.centreId(), tracked.session().start());
            if (due.isAfter(now) && !alreadyPending.contains(tracked.reference())) {
                planned.add(reminder(keyPrefix, NotificationKind.SESSION_REMINDER, tracked.centreId(), beneficiaryId,
                        tracked.session().assessmentId(), tracked.session(), due));
            }
        }
        for (TrackedAgreement tracked : agreements) {
            Subject.Agreement agreement = new Subject.Agreement(tracked.fundingId(), tracked.deadline());
            Instant due = times.agreementReminder(tracked.centreId(), tracked.deadline());
            if (due.isAfter(now) && !alreadyPending.contains(agreement.reference())) {
                planned.add(reminder(keyPrefix, NotificationKind.AGREEMENT_SIGNATURE_REMINDER, tracked.centreId(),
                        beneficiaryId, null, agreement, due));
            }
        }
        return planned;
    }

    private static Notification reminder(String keyPrefix, NotificationKind kind, String centreId, String beneficiaryId,
            String assessmentId, Subject subject, Instant due) {
        String key = keyPrefix + "/" + subject.reference() + "/" + kind.name();
        return Notification.planned(idOf(key), key, kind, centreId, new Recipient.Beneficiary(beneficiaryId),
                assessmentId, subject, due);
    }

    private static List<Plan.Withdrawal> withdraw(List<Notification> pending, String reason) {
        return pending.stream().map(n -> new Plan.Withdrawal(n, reason)).toList();
    }

    private static Notification message(RecordedFact recorded, NotificationKind kind, String centreId,
            String beneficiaryId, String assessmentId, Subject subject, Instant due) {
        return message(recorded, kind, centreId, new Recipient.Beneficiary(beneficiaryId), assessmentId, subject, due);
    }

    private static Notification message(RecordedFact recorded, NotificationKind kind, String centreId,
            Recipient recipient, String assessmentId, Subject subject, Instant due) {
        String key = recorded.eventId() + "/" + kind.name();
        return Notification.planned(idOf(key), key, kind, centreId, recipient, assessmentId, subject, due);
    }

    /** The id of the message with {@code key}: the same key, the same id, whichever replica plans it. */
    public static String idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
