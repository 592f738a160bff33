package fr.bilan.gateway.transcoding;

import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.MethodOptions.IdempotencyLevel;
import com.google.protobuf.Descriptors.MethodDescriptor;

/**
 * gRPC's own retry policy, as a service config: only RPCs their contract marks as safe to repeat
 * ({@code option idempotency_level = NO_SIDE_EFFECTS} or {@code IDEMPOTENT}) are retried, and only
 * on {@code UNAVAILABLE}, when the call never reached a server that could have acted on it.
 */
final class RetryServiceConfig {

    private RetryServiceConfig() {
    }

    static boolean isIdempotent(MethodDescriptor method) {
        IdempotencyLevel level = method.getOptions().getIdempotencyLevel();
        return level == IdempotencyLevel.NO_SIDE_EFFECTS || level == IdempotencyLevel.IDEMPOTENT;
    }

    static Map<String, Object> of(List<MethodDescriptor> methods, GatewayProperties.Retry retry) {
        List<Map<String, String>> names = methods.stream()
                .filter(RetryServiceConfig::isIdempotent)
                .map(method -> Map.of("service", method.getService().getFullName(), "method", method.getName()))
                .distinct()
                .toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        return Map.of("methodConfig", List.of(Map.of(
                "name", names,
                "retryPolicy", Map.of(
                        "maxAttempts", (double) retry.maxAttempts(),
                        "initialBackoff", seconds(retry.initialBackoff()),
                        "maxBackoff", seconds(retry.maxBackoff()),
                        "backoffMultiplier", 2.0,
                        "retryableStatusCodes", List.of("UNAVAILABLE")))));
    }

    private static String seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0 + "s";
    }
}
