package fr.bilan.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;

import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.recipient.ContactsUnavailable;
import fr.bilan.notification.recipient.Reach;
import fr.bilan.notification.recipient.Recipients;
import fr.bilan.notification.template.MessageTemplates;
import fr.bilan.notification.template.RenderedMessage;
import fr.bilan.support.outbox.Backoff;

/**
 * Sends the messages that are due: each one's recipient looked up now, written from its kind's
 * template, handed to the mail server at the configured rate, and its outcome recorded, once.
 * <ul>
 * <li>One person's messages go in the order they were due: a message waits while an earlier one of
 * the same recipient is still pending (backing off after a temporary failure), so a cancellation never
 * arrives before its convocation.</li>
 * <li>A temporary failure (SMTP 4xx, the server unreachable) is tried again after a wait that doubles
 * each time ({@code initial-backoff} to {@code max-backoff}), for as long as {@code give-up-after}
 * since it was due; then it is recorded as failed. A 5xx refuses the message for good: failed at once.</li>
 * <li>No address (no e-mail, an erased beneficiary, a deleted login) is recorded undeliverable with its
 * French reason, never tried again.</li>
 * <li>When the mail server or the contacts cannot be reached at all, the run stops: the next one
 * tries again, and nothing is lost meanwhile.</li>
 * </ul>
 */
public final class Dispatcher {

    /** What a run did. */
    public record Run(int sent, int undeliverable, int failed, int deferred, int waiting, boolean stopped) {
    }

    private enum Step { SENT, UNDELIVERABLE, FAILED, DEFERRED, WAITING, STOP }

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Notifications notifications;
    private final Recipients recipients;
    private final Letters letters;
    private final MessageTemplates templates;
    private final Mailer mailer;
    private final RateLimit rateLimit;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final Backoff backoff;
    private final Clock clock;

    Dispatcher(Notifications notifications, Recipients recipients, Letters letters, MessageTemplates templates,
            Mailer mailer, RateLimit rateLimit, DeliveryMetrics metrics, DeliveryProperties properties, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.letters = letters;
        this.templates = templates;
        this.mailer = mailer;
        this.rateLimit = rateLimit;
        this.metrics = metrics;
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.clock = clock;
    }

    /**
     * Sends what is due now, until nothing more is, the mail server is unreachable, or half of
     * {@code lock-at-most-for} has passed (in real time). One replica at a time: the caller holds the lock.
     */
    public Run dispatchDue() {
        long deadline = System.nanoTime() + properties.lockAtMostFor().dividedBy(2).toNanos();
        int[] counts = new int[Step.values().length];
        // the messages left pending behind an earlier one stay due: read past them
        Set<String> waiting = new HashSet<>();
        // each message once a run, even one whose record a concurrent change kept pending
        Set<String> handled = new HashSet<>();
        Map<String, Optional<String>> staffNames = new HashMap<>();
        while (true) {
            List<Notification> due = notifications.due(clock.instant(), properties.batchSize() + waiting.size());
            List<Notification> fresh = due.stream().filter(message -> handled.add(message.id())).toList();
            if (fresh.isEmpty()) {
                return run(counts, false);
            }
            for (Notification message : fresh) {
                if (System.nanoTime() - deadline > 0) {
                    return run(counts, true);
                }
                Step step = deliver(message, staffNames);
                counts[step.ordinal()]++;
                if (step == Step.WAITING) {
                    waiting.add(message.id());
                } else if (step == Step.STOP) {
                    return run(counts, true);
                }
            }
        }
    }

    private static Run run(int[] counts, boolean stopped) {
        return new Run(counts[Step.SENT.ordinal()], counts[Step.UNDELIVERABLE.ordinal()], counts[Step.FAILED.ordinal()],
                counts[Step.DEFERRED.ordinal()], counts[Step.WAITING.ordinal()], stopped);
    }

    private Step deliver(Notification message, Map<String, Optional<String>> staffNames) {
        if (notifications.anyPendingAhead(message)) {
            return Step.WAITING;
        }
        Reach reach;
        try {
            reach = recipients.reach(message);
        } catch (ContactsUnavailable e) {
            // nothing is decided about the message: it stays due, the next run asks again
            log.warn("Notifications wait: the recipients cannot be looked up now ({})", e.getMessage());
            return Step.STOP;
        }
        if (reach instanceof Reach.Nowhere nowhere) {
            settle(message.undeliverable(nowhere.reason(), clock.instant()));
            return Step.UNDELIVERABLE;
        }
        Reach.Address address = (Reach.Address) reach;
        RenderedMessage written;
        try {
            written = templates.render(letters.letter(message, address, staffNames));
        } catch (RuntimeException e) {
            log.error("Message {} ({}) could not be written from its template; tried again later", message.id(),
                    message.kind(), e);
            return defer(message, "its template failed: " + e);
        }
        try {
            rateLimit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Step.STOP;
        }
        try {
            mailer.send(message.id(), address.email(), written);
        } catch (MailException e) {
            MailFailure failure = MailFailure.of(e);
            if (failure.permanent()) {
                log.error("Message {} ({}) refused for good by the mail server: {} {}", message.id(), message.kind(),
                        failure.replyCode(), failure.detail());
                settle(message.failed(refusedForGood(failure.replyCode()), written.templateVersion(), clock.instant()));
                return Step.FAILED;
            }
            log.warn("Message {} ({}) not taken by the mail server for now: {} {}", message.id(), message.kind(),
                    failure.replyCode(), failure.detail());
            Step step = defer(message, failure.detail());
            return failure.relayDown() ? Step.STOP : step;
        }
        settleSent(message, written.templateVersion());
        return Step.SENT;
    }

    /** Tried again after its backoff, or failed once it has waited {@code give-up-after} since it was due. */
    private Step defer(Notification message, String detail) {
        Instant now = clock.instant();
        if (!now.isBefore(message.dueTime().plus(properties.giveUpAfter()))) {
            log.error("Message {} ({}) given up after {} tries since {}: {}", message.id(), message.kind(),
                    message.attempts() + 1, message.dueTime(), detail);
            settle(message.failed(givenUp(properties.giveUpAfter()), message.templateVersion(), now));
            return Step.FAILED;
        }
        Duration wait = backoff.delay(message.attempts() + 1);
        if (notifications.replace(message.retryAt(now.plus(wait)))) {
            metrics.deferred(message.kind());
        }
        return Step.DEFERRED;
    }

    private void settle(Notification settled) {
        if (notifications.replace(settled)) {
            metrics.settled(settled.kind(), settled.outcome());
        } else {
            // withdrawn or changed meanwhile: what it is now stands, the next run reads it again
            log.info("Message {} changed while it was being sent; left as it is now", settled.id());
        }
    }

    /** The server took it: recorded sent, even over a change made meanwhile (it left all the same). */
    private void settleSent(Notification message, String templateVersion) {
        Notification current = message;
        for (int tries = 0; tries < 3; tries++) {
            if (notifications.replace(current.sent(templateVersion, clock.instant()))) {
                metrics.settled(message.kind(), DeliveryOutcome.SENT);
                return;
            }
            Notification now = notifications.byId(message.id()).orElse(null);
            if (now == null || now.outcome().settled()) {
                log.warn("Message {} was sent while it became {}", message.id(), now == null ? "erased" : now.outcome());
                metrics.settled(message.kind(), DeliveryOutcome.SENT);
                return;
            }
            current = now;
        }
        log.error("Message {} was sent but could not be recorded as sent: it may go again", message.id());
    }

    static String refusedForGood(int replyCode) {
        return "Le serveur de messagerie a refusé ce message définitivement (code " + replyCode + ") : il ne sera pas "
                + "renvoyé. Vérifiez l'adresse du destinataire.";
    }

    static String givenUp(Duration giveUpAfter) {
        return "Le serveur de messagerie n'a pas pu prendre ce message pendant " + french(giveUpAfter)
                + " : il ne sera plus renvoyé.";
    }

    /** A duration as a person reads it: « 3 jours », « 12 heures », « 45 minutes ». */
    static String french(Duration duration) {
        if (duration.toDays() >= 1 && duration.toHours() % 24 == 0) {
            return plural(duration.toDays(), "jour");
        }
        if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
            return plural(duration.toHours(), "heure");
        }
        return plural(Math.max(1, duration.toMinutes()), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count > 1 ? "s" : "");
    }
}
