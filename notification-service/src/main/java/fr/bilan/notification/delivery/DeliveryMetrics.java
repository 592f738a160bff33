package fr.bilan.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the dispatcher did, for Prometheus: {@code bilan_notifications_total{kind,outcome}} (sent,
 * undeliverable, failed), {@code bilan_notifications_deferred_total{kind}} (a temporary failure, tried
 * again later); and, read from the store at each scrape so that every replica shows the same,
 * {@code bilan_notifications_due}, {@code bilan_notifications_oldest_due_age_seconds} (how late the
 * oldest message waiting is: the mail server down shows here) and {@code bilan_notifications_failed}
 * (messages refused for good, held with their bilan: the alert watches it grow).
 */
final class DeliveryMetrics {

    static final String OUTCOMES = "bilan.notifications";
    static final String DEFERRED = "bilan.notifications.deferred";

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry, Notifications notifications, Clock clock) {
        this.registry = registry;
        Gauge.builder("bilan.notifications.due", () -> notifications.countDue(clock.instant()))
                .description("Pending messages that may be tried now").register(registry);
        Gauge.builder("bilan.notifications.oldest.due.age", () -> notifications.oldestPendingDue(clock.instant())
                        .map(due -> Duration.between(due, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .baseUnit("seconds").description("How long the oldest pending message has been due").register(registry);
        Gauge.builder("bilan.notifications.failed", notifications::countFailed)
                .description("Messages the mail server refused for good, or given up on").register(registry);
    }

    void settled(NotificationKind kind, DeliveryOutcome outcome) {
        Counter.builder(OUTCOMES).description("Messages settled by the dispatcher").tag("kind", kind.name())
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void deferred(NotificationKind kind) {
        Counter.builder(DEFERRED).description("Temporary failures: the message is tried again later")
                .tag("kind", kind.name()).register(registry).increment();
    }
}
