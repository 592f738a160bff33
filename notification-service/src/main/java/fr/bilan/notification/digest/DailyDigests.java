package fr.bilan.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.tracking.Tracking;

/**
 * Plans the day's staff digests from what is tracked (sessions to sign, agreements awaiting) and from the
 * CPF deadlines beneficiary-service tells now. Planning twice the same day plans nothing twice: a digest's
 * key is its person, centre and day. beneficiary-service out of reach never holds the digests back: they
 * go without the CPF lines, and say so.
 */
public class DailyDigests {

    private static final Logger log = LoggerFactory.getLogger(DailyDigests.class);

    private final Tracking tracking;
    private final Notifications notifications;
    private final DigestPlanner planner;
    private final CpfDeadlines cpfDeadlines;
    private final DigestProperties properties;
    private final Clock clock;

    DailyDigests(Tracking tracking, Notifications notifications, DigestPlanner planner, CpfDeadlines cpfDeadlines,
            DigestProperties properties, Clock clock) {
        this.tracking = tracking;
        this.notifications = notifications;
        this.planner = planner;
        this.cpfDeadlines = cpfDeadlines;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many digests were planned now (0 when planned already today) */
    public int planToday() {
        Instant now = clock.instant();
        // a day past UTC's covers every centre's zone; the planner keeps those within two days of each centre's today
        LocalDate lastDay = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(DigestPlanner.LAPSE_WITHIN_DAYS + 1);
        List<Notification> digests = planner.plan(now, tracking.heldUnsettled(now), tracking.awaitingUntil(lastDay),
                cpfDue(now), properties.managers());
        int planned = (int) digests.stream().filter(notifications::plan).count();
        log.info("Staff digests: {} planned ({} already planned today)", planned, digests.size() - planned);
        return planned;
    }

    private CpfDue cpfDue(Instant now) {
        try {
            return CpfDue.read(cpfDeadlines.dueThrough(DigestPlanner.cpfThrough(now)));
        } catch (CpfDeadlinesUnavailable e) {
            log.warn("Staff digests go without their CPF deadlines, which could not be read: {}", e.getMessage());
            return CpfDue.unread();
        }
    }
}
