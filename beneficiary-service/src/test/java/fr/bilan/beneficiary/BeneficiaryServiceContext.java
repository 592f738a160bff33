package fr.bilan.beneficiary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.TestClock;

/**
 * The one application context every gRPC test of the service shares (they share one gRPC port), an
 * annotation rather than a test:
 * the service with {@link TestClock} as its clock, and the lapse check running often enough to be
 * waited for.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { BeneficiaryApplication.class, TestClock.class },
        properties = "bilan.agreements.lapse-check-interval=200ms")
public @interface BeneficiaryServiceContext {
}
