package fr.bilan.quality;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.TestClock;

/**
 * The one application context every gRPC test of the service shares (they share one gRPC port): the
 * service on the embedded MongoDB with {@link TestClock}. Centre {@code centre-reunion} is in La Réunion.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { QualityApplication.class, TestClock.class },
        properties = { "bilan.oidc.client-secret=test-only-service-secret", "bilan.oidc.token-uri=${bilan.oidc.issuer}/token",
            "bilan.centres.overrides.centre-reunion.zone=REUNION" })
public @interface QualityServiceContext {
}
