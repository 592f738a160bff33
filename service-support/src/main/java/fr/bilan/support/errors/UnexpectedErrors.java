package fr.bilan.support.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import fr.bilan.support.refusal.DomainRefusal;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * Statuses thrown on purpose pass through unchanged; a domain refusal gets its status from
 * {@link DomainRefusals}; something that cannot be asked now
 * ({@link Unavailable}, such as the identity provider) is {@code UNAVAILABLE}; anything else is a
 * bug: it is logged here with its stack trace and the caller gets a bare {@code INTERNAL}, never the
 * exception's text.
 */
@AutoConfiguration
public class UnexpectedErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    /**
     * The token and role checks' refusals, in French: Spring gRPC's own handler says "Access denied",
     * which a service passing a downstream refusal back (retention asking session-service as the
     * caller) would carry to the person. First of all handlers, since it maps nothing else.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    GrpcExceptionHandler securityRefusalsInFrench() {
        return exception -> {
            if (exception instanceof AuthenticationException) {
                return Status.UNAUTHENTICATED.withDescription("Authentification requise.").asException();
            }
            if (exception instanceof AccessDeniedException) {
                return Status.PERMISSION_DENIED.withDescription("Votre rôle ne permet pas cette opération.")
                        .asException();
            }
            return null;
        };
    }

    @Bean
    GrpcExceptionHandler unexpectedErrorHandler() {
        return exception -> {
            if (exception instanceof StatusRuntimeException statusException) {
                return new StatusException(statusException.getStatus(), statusException.getTrailers());
            }
            if (exception instanceof StatusException statusException) {
                return statusException;
            }
            if (exception instanceof DomainRefusal refusal) {
                StatusRuntimeException status = DomainRefusals.toStatus(refusal);
                return new StatusException(status.getStatus(), status.getTrailers());
            }
            if (exception instanceof Unavailable unavailable) {
                log.warn("{} unavailable: {}", unavailable.unreachable(), exception.getMessage());
                return Status.UNAVAILABLE.withDescription(unavailable.frenchReason()).asException();
            }
            log.error("Unexpected error in a gRPC call", exception);
            return Status.INTERNAL.withDescription("Erreur interne.").asException();
        };
    }
}
