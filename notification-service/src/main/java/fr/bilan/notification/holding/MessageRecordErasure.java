package fr.bilan.notification.holding;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.bilan.notification.event.RecordedFacts;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.tracking.Tracking;

/**
 * Destroys what notification-service holds of a bilan with its other process evidence: the record of
 * its messages (who, which kind, when, what became of them), the sessions tracked for its reminders
 * and digests, and the facts taken about it. Again, or for a bilan it never heard of, it erases nothing.
 */
@Service
public class MessageRecordErasure {

    private static final Logger log = LoggerFactory.getLogger(MessageRecordErasure.class);

    private final Notifications notifications;
    private final Tracking tracking;
    private final RecordedFacts facts;

    MessageRecordErasure(Notifications notifications, Tracking tracking, RecordedFacts facts) {
        this.notifications = notifications;
        this.tracking = tracking;
        this.facts = facts;
    }

    /** @return the records erased by this call */
    public long erase(String assessmentId) {
        long erased = notifications.eraseAssessment(assessmentId) + tracking.eraseAssessment(assessmentId)
                + facts.eraseAssessment(assessmentId);
        log.info("Message records of bilan {} destroyed for the purge: {} record(s){}", assessmentId, erased,
                erased == 0 ? " (none left)" : "");
        return erased;
    }
}
