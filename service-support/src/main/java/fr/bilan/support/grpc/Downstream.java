package fr.bilan.support.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.security.CallerToken;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;

/**
 * A call to another service of the platform. It waits, within its deadline, for a service that is
 * restarting or being reached again ({@code waitForReady}) rather than failing at once; one still
 * unreachable at the deadline is {@code UNAVAILABLE} with a French description naming the service.
 * Refusals come back as they are, their French text included.
 *
 * @param serviceName as a person reads it, e.g. « Le service des bénéficiaires »
 */
public record Downstream(String serviceName, Duration timeout) {

    private static final Logger log = LoggerFactory.getLogger(Downstream.class);

    /** {@code stub} carrying the caller's own token, so the other service decides what the caller reaches. */
    public <S extends AbstractStub<S>> S asCaller(S stub) {
        return ready(stub.withCallCredentials(CallerToken.callCredentials()));
    }

    /** {@code stub} (already carrying its credentials) with this deadline, waiting for readiness. */
    public <S extends AbstractStub<S>> S ready(S stub) {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).withWaitForReady();
    }

    public <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                log.warn("{} did not answer: {} {}", serviceName, code, e.getStatus().getDescription());
                throw Status.UNAVAILABLE.withDescription(serviceName + " ne répond pas : réessayez dans un instant.")
                        .withCause(e).asRuntimeException();
            }
            throw e;
        }
    }
}
