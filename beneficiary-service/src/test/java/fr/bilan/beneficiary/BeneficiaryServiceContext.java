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
 * the service with {@link TestClock} as its clock, the lapse check running often enough to be
 * waited for, and synthesis-service's renderer stood in for by {@link FakeDocumentRendering} on the
 * same port, called with the service's own token.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { BeneficiaryApplication.class, TestClock.class, FakeDocumentRendering.class,
        FakeDocumentRendering.Credentials.class },
        properties = { "bilan.agreements.lapse-check-interval=200ms",
            "spring.grpc.client.channel.synthesis.target=127.0.0.1:${spring.grpc.server.port}" })
public @interface BeneficiaryServiceContext {
}
