package fr.bilan.notification.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.bilan.notification.delivery.SurveyMail;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.Fact;
import fr.bilan.notification.planning.Plan;
import fr.bilan.notification.planning.Planner;
import fr.bilan.notification.planning.RecordedFact;
import fr.bilan.notification.planning.Situation;
import fr.bilan.notification.preference.Preferences;
import fr.bilan.notification.tracking.Tracking;

/**
 * Takes the producers' facts, each once by its event id: reads what is known, lets the {@link Planner}
 * decide, writes what it decided, then notes the fact as taken. Each write is idempotent (messages by
 * their unique key, withdrawals of what is still pending, tracking replaced whole), so a crash before
 * the fact is noted is made good by the producer's redelivery; after, the redelivery is recognised.
 */
@Service
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
    private static final List<NotificationKind> SESSION_KINDS = List.of(NotificationKind.CONVOCATION,
            NotificationKind.SESSION_CHANGED, NotificationKind.SESSION_CANCELLED, NotificationKind.SESSION_REMINDER);
    private static final List<NotificationKind> AGREEMENT_KINDS = List.of(NotificationKind.AGREEMENT_AWAITING_SIGNATURE,
            NotificationKind.AGREEMENT_SIGNATURE_REMINDER);

    private final RecordedFacts facts;
    private final Planner planner;
    private final Notifications notifications;
    private final Tracking tracking;
    private final Preferences preferences;
    private final SurveyMail surveyMail;
    private final Clock clock;

    EventIntake(RecordedFacts facts, Planner planner, Notifications notifications, Tracking tracking,
            Preferences preferences, SurveyMail surveyMail, Clock clock) {
        this.surveyMail = surveyMail;
        this.facts = facts;
        this.planner = planner;
        this.notifications = notifications;
        this.tracking = tracking;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** Takes the facts in order; how many were new (the others were redeliveries). */
    public int takeIn(List<RecordedFact> batch) {
        int recorded = 0;
        for (RecordedFact fact : batch) {
            if (takeIn(fact)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean takeIn(RecordedFact recorded) {
        if (facts.known(recorded.eventId())) {
            return false;
        }
        Instant now = clock.instant();
        if (recorded.fact() instanceof Fact.SurveyInvitation survey) {
            // sent at once, its link in the message only: a failure here fails the call, and the redelivery
            // brings the link again
            Notification sent = surveyMail.send(recorded.eventId(), survey,
                    preferences.orDefaults(survey.beneficiaryId()).remindersEnabled(), now);
            log.info("Fact {} (SurveyInvitation) taken: message {} {}", recorded.eventId(), sent.id(), sent.outcome());
            return facts.record(recorded, survey.survey().assessmentId(), now);
        }
        if (recorded.fact() instanceof Fact.FunderSurveyInvitation survey) {
            // the same, to the contact the fact names, whose address goes with the message only
            Notification sent = surveyMail.send(recorded.eventId(), survey, now);
            log.info("Fact {} (FunderSurveyInvitation) taken: message {} {}", recorded.eventId(), sent.id(),
                    sent.outcome());
            return facts.record(recorded, null, now);
        }
        Plan plan = planner.plan(recorded, situation(recorded.fact(), now));
        plan.planned().forEach(notifications::plan);
        plan.withdrawals().forEach(w -> notifications.withdraw(w.notification(), w.reason(), now));
        plan.session().ifPresent(tracking::save);
        plan.agreement().ifPresent(tracking::save);
        plan.endedAssessment().ifPresent(assessment -> tracking.endAssessment(assessment, recorded.occurTime()));
        boolean first = facts.record(recorded, assessmentOf(recorded.fact()), now);
        log.info("Fact {} ({}) taken: {} message(s) planned, {} withdrawn", recorded.eventId(),
                recorded.fact().getClass().getSimpleName(), plan.planned().size(), plan.withdrawals().size());
        return first;
    }

    private Situation situation(Fact fact, Instant now) {
        if (fact instanceof Fact.SessionScheduled f) {
            return sessionSituation(f.session().assessmentId(), f.session().sessionId(), f.beneficiaryId(), now);
        }
        if (fact instanceof Fact.SessionCancelled f) {
            return sessionSituation(f.assessmentId(), f.sessionId(), f.beneficiaryId(), now);
        }
        if (fact instanceof Fact.SessionSettled f) {
            // no beneficiary in the fact: only reminders are withdrawn, whatever the choices
            return new Situation(tracking.session(f.assessmentId(), f.sessionId()), Optional.empty(),
                    notifications.pendingAbout(Subject.Session.reference(f.assessmentId(), f.sessionId()), SESSION_KINDS),
                    true, now);
        }
        if (fact instanceof Fact.AgreementAwaitingSignature f) {
            return agreementSituation(f.fundingId(), f.beneficiaryId(), now);
        }
        if (fact instanceof Fact.AgreementSettled f) {
            return agreementSituation(f.fundingId(), f.beneficiaryId(), now);
        }
        if (fact instanceof Fact.AssessmentEnded f) {
            return new Situation(Optional.empty(), Optional.empty(), notifications.pendingOfAssessment(f.assessmentId()),
                    true, now);
        }
        return new Situation(Optional.empty(), Optional.empty(), List.of(), true, now);
    }

    private Situation sessionSituation(String assessmentId, String sessionId, String beneficiaryId, Instant now) {
        return new Situation(tracking.session(assessmentId, sessionId), Optional.empty(),
                notifications.pendingAbout(Subject.Session.reference(assessmentId, sessionId), SESSION_KINDS),
                preferences.orDefaults(beneficiaryId).remindersEnabled(), now);
    }

    private Situation agreementSituation(String fundingId, String beneficiaryId, Instant now) {
        return new Situation(Optional.empty(), tracking.agreement(fundingId),
                notifications.pendingAbout(Subject.Agreement.reference(fundingId), AGREEMENT_KINDS),
                preferences.orDefaults(beneficiaryId).remindersEnabled(), now);
    }

    private static String assessmentOf(Fact fact) {
        if (fact instanceof Fact.SessionScheduled f) {
            return f.session().assessmentId();
        }
        if (fact instanceof Fact.SessionCancelled f) {
            return f.assessmentId();
        }
        if (fact instanceof Fact.SessionSettled f) {
            return f.assessmentId();
        }
        if (fact instanceof Fact.SynthesisAvailable f) {
            return f.assessmentId();
        }
        if (fact instanceof Fact.AssessmentEnded f) {
            return f.assessmentId();
        }
        if (fact instanceof Fact.FollowUpAccepted f) {
            return f.followUp().assessmentId();
        }
        return null;
    }
}
