package fr.bilan.notification.record;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/**
 * A centre's record of messages, for its managers and auditors: what was sent, and what could not be,
 * so that the centre reaches those people another way. Each message listed for a beneficiary is an
 * access to their data, recorded.
 */
@Service
public class NotificationRecords {

    private final Notifications notifications;
    private final AccessLog accessLog;

    NotificationRecords(Notifications notifications, AccessLog accessLog) {
        this.notifications = notifications;
        this.accessLog = accessLog;
    }

    /** A page of messages, and whether more follow. */
    public record Page(List<Notification> items, boolean more) {
    }

    /**
     * One page of at most {@code size}, newest due first, after ({@code afterDue}, {@code afterId}) when given.
     *
     * @param outcome       only those with it, all when {@code null}
     * @param beneficiaryId only theirs, all when {@code null}
     */
    public Page list(Caller caller, String centreId, DeliveryOutcome outcome, String beneficiaryId,
            Instant afterDue, String afterId, int size) {
        if (!caller.holdsIn(centreId, Role.CENTRE_MANAGER, Role.AUDITOR)) {
            throw new Forbidden("Seuls les responsables et les auditeurs de ce centre consultent ses messages.");
        }
        // one more than asked tells whether a next page exists
        List<Notification> found = notifications.ofCentreAfter(centreId, outcome, beneficiaryId, afterDue, afterId,
                size + 1);
        List<Notification> page = found.subList(0, Math.min(size, found.size()));
        accessLog.recordAll(caller, page.stream().filter(n -> n.recipient() instanceof Recipient.Beneficiary)
                .map(n -> AccessedData.of("notifications", n.id(), ((Recipient.Beneficiary) n.recipient()).beneficiaryId(),
                        centreId))
                .toList());
        return new Page(page, found.size() > size);
    }
}
