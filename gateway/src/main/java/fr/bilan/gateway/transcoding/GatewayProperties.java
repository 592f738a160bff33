package fr.bilan.gateway.transcoding;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the transcoding gateway.
 *
 * @param deadline       how long a service has to answer one call before the caller gets a 504
 * @param downloadDeadline how long a download (a file sent in chunks) may take, from the request to
 *                       its last byte, whatever the backend: a slow client slows the stream down
 * @param maxBodySize    largest request body accepted; larger ones get a 413
 * @param backends       per-backend overrides, by backend name ({@code beneficiary}, ...)
 * @param circuitBreaker when to stop calling a failing backend, and for how long
 * @param retry          retries of idempotent RPCs on {@code UNAVAILABLE}
 * @param descriptors    class-path location of the descriptor set the API is built from
 */
@ConfigurationProperties("bilan.gateway")
public record GatewayProperties(@DefaultValue("10s") Duration deadline, @DefaultValue("2m") Duration downloadDeadline,
        @DefaultValue("1MB") DataSize maxBodySize,
        Map<String, Backend> backends, @DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Retry retry,
        @DefaultValue(ApiDescriptors.DEFAULT_LOCATION) String descriptors) {

    public GatewayProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
    }

    /** @param deadline this backend's deadline, instead of the gateway's */
    public record Backend(Duration deadline) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls (unavailable or too slow) that opens it
     * @param slidingWindowSize    how many recent calls the rate is computed on
     * @param minimumNumberOfCalls calls needed before the rate counts
     * @param waitInOpenState      how long it answers 503 at once before letting trial calls through
     * @param callsInHalfOpenState trial calls that decide whether it closes again
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitInOpenState, @DefaultValue("3") int callsInHalfOpenState) {
    }

    /**
     * @param maxAttempts    attempts in all, the first included
     * @param initialBackoff wait before the first retry (randomised by gRPC)
     * @param maxBackoff     longest wait between retries
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("100ms") Duration initialBackoff,
            @DefaultValue("1s") Duration maxBackoff) {
    }

    /** The deadline of a call of {@code binding}: the download deadline for a download, its backend's otherwise. */
    public Duration deadlineOf(HttpBinding binding) {
        if (binding.answersDownload()) {
            return downloadDeadline;
        }
        Backend override = backends.get(binding.backend());
        return override != null && override.deadline() != null ? override.deadline() : deadline;
    }
}
