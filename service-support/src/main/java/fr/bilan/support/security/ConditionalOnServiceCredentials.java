package fr.bilan.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when the service has credentials of its own: a non-blank {@code bilan.oidc.client-secret}
 * (from the environment, {@code BILAN_OIDC_CLIENT_SECRET}). What needs a {@link ServiceToken} is
 * declared under it, so that a service without a secret starts anyway, without that part.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnServiceCredentials.OnServiceCredentials.class)
public @interface ConditionalOnServiceCredentials {

    /** The property holding the client secret. */
    String SECRET_PROPERTY = "bilan.oidc.client-secret";

    final class OnServiceCredentials extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            // the outcome names the property only, never its value
            return StringUtils.hasText(context.getEnvironment().getProperty(SECRET_PROPERTY))
                    ? ConditionOutcome.match(SECRET_PROPERTY + " is set")
                    : ConditionOutcome.noMatch(SECRET_PROPERTY + " is not set");
        }
    }
}
