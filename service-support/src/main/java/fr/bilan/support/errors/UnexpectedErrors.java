package fr.bilan.support.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
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
            if (exception instanceof AuthenticationException || exception instanceof AccessDeniedException) {
                return null; // Spring gRPC's security handler maps these to UNAUTHENTICATED and PERMISSION_DENIED
            }
            log.error("Unexpected error in a gRPC call", exception);
            return Status.INTERNAL.withDescription("Erreur interne.").asException();
        };
    }
}
