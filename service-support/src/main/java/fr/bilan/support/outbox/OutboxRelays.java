package fr.bilan.support.outbox;

import java.time.Clock;
import java.util.List;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import fr.bilan.support.security.ServiceToken;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The relays of a service's outboxes, one per {@link OutboxDefinition}, each run every
 * {@code bilan.outbox.poll-interval}. A bean only when the service has credentials
 * ({@link OutboxAutoConfiguration}).
 */
final class OutboxRelays implements SchedulingConfigurer {

    private final List<OutboxRelay> relays;
    private final OutboxProperties properties;

    OutboxRelays(List<OutboxDefinition<?>> outboxes, OutboxMonitoring monitoring, OutboxReceivers receivers,
            ServiceToken serviceToken, LockProvider lockProvider, OutboxProperties properties, Clock clock) {
        this.relays = outboxes.stream().map(outbox -> new OutboxRelay(outbox.lock(), outbox.deliveries(receivers),
                new OutboxDelivery(outbox.entries(), monitoring.of(outbox), serviceToken, properties, clock),
                new DefaultLockingTaskExecutor(lockProvider), properties, clock)).toList();
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        relays.forEach(relay -> registrar.addFixedDelayTask(relay::poll, properties.pollInterval()));
    }

    boolean none() {
        return relays.isEmpty();
    }
}
