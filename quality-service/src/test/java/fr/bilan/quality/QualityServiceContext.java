package fr.bilan.quality;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestClock;

/**
 * The one application context every gRPC test of the service shares (they share one gRPC port): the service
 * on the embedded MongoDB with {@link TestClock}, and beneficiary-service stood in for on the same port by
 * {@link BeneficiaryServiceStandIn} and the access register, so that the service's own token really travels
 * and is checked there, and notification-service's intake by {@link NotificationServiceStandIn}. Centre
 * {@code centre-reunion} is in La Réunion; centre {@code centre-lyon} has its identity set (its name is
 * published); the network is named.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { QualityApplication.class, TestClock.class, BeneficiaryServiceStandIn.class,
        TestAccessRegister.class, NotificationServiceStandIn.class },
        properties = { "spring.grpc.client.channel.beneficiary.target=127.0.0.1:${spring.grpc.server.port}",
            "bilan.oidc.client-secret=test-only-service-secret", "bilan.oidc.token-uri=${bilan.oidc.issuer}/token",
            "bilan.centres.overrides.centre-reunion.zone=REUNION",
            "bilan.centres.overrides.centre-lyon.name=Centre de Lyon",
            "bilan.centres.overrides.centre-lyon.address=12 rue de la République, 69002 Lyon",
            "bilan.centres.overrides.centre-lyon.declaration-number=84 69 12345 69",
            "bilan.quality.network-name=Réseau Bilans Sud",
            // the follow-up offers run often enough for a test to see one
            "bilan.quality.follow-up.offer-interval=300ms",
            // the outboxes' relays try again soon after a failure
            "bilan.outbox.poll-interval=100ms", "bilan.outbox.initial-backoff=100ms", "bilan.outbox.max-backoff=400ms" })
public @interface QualityServiceContext {
}
