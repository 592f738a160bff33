package fr.bilan.notification.preference;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.planning.Planner;
import fr.bilan.notification.tracking.Tracking;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.security.Caller;

/**
 * Reads and changes a beneficiary's choices, for those {@link PreferenceAccess} lets. Turning reminders
 * off withdraws those pending; turning them back on plans again those whose time has not passed.
 * Notices (convocations, changes, cancellations, the agreement, the synthèse) are never affected.
 */
@Service
public class PreferenceChanges {

    static final String REMINDERS_OFF = "Le bénéficiaire a désactivé les rappels.";
    private static final Logger log = LoggerFactory.getLogger(PreferenceChanges.class);
    private static final List<NotificationKind> REMINDERS = List.of(NotificationKind.SESSION_REMINDER,
            NotificationKind.AGREEMENT_SIGNATURE_REMINDER);
    private static final int WRITE_TRIES = 3;

    private final Preferences preferences;
    private final CareTeams careTeams;
    private final Notifications notifications;
    private final Tracking tracking;
    private final Planner planner;
    private final AccessLog accessLog;
    private final Clock clock;

    PreferenceChanges(Preferences preferences, CareTeams careTeams, Notifications notifications, Tracking tracking,
            Planner planner, AccessLog accessLog, Clock clock) {
        this.preferences = preferences;
        this.careTeams = careTeams;
        this.notifications = notifications;
        this.tracking = tracking;
        this.planner = planner;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public NotificationPreferences read(Caller caller, String beneficiaryId) {
        authorise(caller, beneficiaryId);
        return preferences.orDefaults(beneficiaryId);
    }

    public NotificationPreferences change(Caller caller, String beneficiaryId, boolean remindersEnabled) {
        authorise(caller, beneficiaryId);
        for (int tries = 0; tries < WRITE_TRIES; tries++) {
            NotificationPreferences current = preferences.orDefaults(beneficiaryId);
            if (current.remindersEnabled() == remindersEnabled && current.version() > 0) {
                return current;
            }
            Instant now = clock.instant();
            NotificationPreferences changed = current.withReminders(remindersEnabled, now);
            if (preferences.save(changed)) {
                apply(changed, now);
                return new NotificationPreferences(beneficiaryId, remindersEnabled, now, current.version() + 1);
            }
        }
        throw new Conflict("Les choix de ce bénéficiaire ont été modifiés en même temps par quelqu'un d'autre : "
                + "relisez-les puis réessayez.");
    }

    private void apply(NotificationPreferences changed, Instant now) {
        Recipient recipient = new Recipient.Beneficiary(changed.beneficiaryId());
        List<Notification> pending = notifications.pendingFor(recipient, REMINDERS);
        if (!changed.remindersEnabled()) {
            long withdrawn = pending.stream().filter(n -> notifications.withdraw(n, REMINDERS_OFF, now)).count();
            log.info("Reminders of beneficiary {} turned off: {} pending withdrawn", changed.beneficiaryId(), withdrawn);
            return;
        }
        Set<String> alreadyPending = pending.stream().map(n -> n.subject().reference()).collect(Collectors.toSet());
        List<Notification> again = planner.remindersAgain("preferences/" + changed.beneficiaryId() + "/"
                + (changed.version() + 1), changed.beneficiaryId(), tracking.upcomingOf(changed.beneficiaryId(), now),
                tracking.awaitingOf(changed.beneficiaryId()), alreadyPending, now);
        again.forEach(notifications::plan);
        log.info("Reminders of beneficiary {} turned on: {} planned again", changed.beneficiaryId(), again.size());
    }

    private void authorise(Caller caller, String beneficiaryId) {
        CareTeam team = careTeams.of(beneficiaryId).orElseThrow(
                () -> new NotFound("Aucun bénéficiaire n'a l'identifiant « " + beneficiaryId + " »."));
        AccessedData data = AccessedData.of("beneficiaries", beneficiaryId + "/notificationPreferences", beneficiaryId,
                team.centreId());
        accessLog.attempting(caller, data);
        if (!PreferenceAccess.allowed(caller, team)) {
            throw new Forbidden("Seuls le bénéficiaire, ses consultants et les responsables de son centre ont accès "
                    + "à ses choix de messages.");
        }
        accessLog.record(caller, data);
    }
}
