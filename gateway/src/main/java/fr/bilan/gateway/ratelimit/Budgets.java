package fr.bilan.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.problem.ProblemResponses;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import reactor.core.publisher.Mono;

/**
 * Request budgets, one per key (a client address, a user), each of {@code limit} requests per
 * period; the least recently seen keys are forgotten past {@code maxTracked}.
 */
final class Budgets {

    private final RateLimiterConfig config;
    private final Duration period;
    private final ProblemResponses problems;
    private final Map<String, RateLimiter> limiters;

    Budgets(int limit, Duration period, RateLimitProperties properties, ProblemResponses problems) {
        this.config = RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.period = period;
        this.problems = problems;
        this.limiters = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > properties.maxTracked();
            }
        };
    }

    /** Spends one request of {@code key}'s budget; {@code false} once it is spent. */
    boolean spend(String key) {
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(key, name -> RateLimiter.of(name, config));
        }
        return limiter.acquirePermission();
    }

    /** The 429 problem, with the seconds to wait in {@code Retry-After}. */
    Mono<Void> tooMany(ServerWebExchange exchange) {
        long seconds = Math.max(1, (period.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problems.write(exchange, ProblemKind.RESOURCE_EXHAUSTED,
                "Trop de requêtes en peu de temps. Réessayez dans " + seconds + " s.");
    }
}
