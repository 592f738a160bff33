package fr.bilan.support.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

import fr.bilan.support.identity.DirectoryUnavailable;
import io.grpc.Status;
import io.grpc.StatusException;

class UnexpectedErrorsTest {

    private final GrpcExceptionHandler handler = new UnexpectedErrors().unexpectedErrorHandler();

    @Test
    void anIdentityProviderThatCannotBeAskedIsUnavailableWithAFrenchReason() {
        StatusException answer = handler.handleException(new DirectoryUnavailable("connection refused"));

        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(answer.getStatus().getDescription()).isEqualTo("Les comptes de connexion ne peuvent pas être "
                + "vérifiés pour l'instant : réessayez dans quelques instants.");
    }

    @Test
    void statusesThrownOnPurposePassThroughAndAnythingElseIsABareInternal() {
        Status refused = Status.FAILED_PRECONDITION.withDescription("Refusé.");

        assertThat(handler.handleException(refused.asRuntimeException()).getStatus()).isEqualTo(refused);
        StatusException bug = handler.handleException(new IllegalStateException("secret detail"));
        assertThat(bug.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(bug.getStatus().getDescription()).isEqualTo("Erreur interne.");
    }

    @Test
    void theTokenAndRoleChecksRefuseInFrench() {
        GrpcExceptionHandler security = new UnexpectedErrors().securityRefusalsInFrench();

        StatusException denied = security.handleException(new AccessDeniedException("Access denied"));
        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(denied.getStatus().getDescription()).isEqualTo("Votre rôle ne permet pas cette opération.");
        StatusException unauthenticated = security.handleException(new BadCredentialsException("bad token"));
        assertThat(unauthenticated.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(unauthenticated.getStatus().getDescription()).isEqualTo("Authentification requise.");
        assertThat(security.handleException(new IllegalStateException())).isNull();
    }
}
