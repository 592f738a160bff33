package fr.bilan.quality;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import fr.bilan.support.testing.FakeNotificationIntake;

/**
 * notification-service's intake for the shared context: service-support's fake, which checks the service's
 * own token and takes each fact in once, on its own port, where the channel {@code notification} points.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationServiceStandIn {

    /** The facts the service's outboxes delivered. */
    public static final FakeNotificationIntake INTAKE = FakeNotificationIntake.started();

    @Bean
    DynamicPropertyRegistrar notificationIntakeTarget() {
        return registry -> registry.add("spring.grpc.client.channel.notification.target",
                () -> "127.0.0.1:" + INTAKE.port);
    }
}
