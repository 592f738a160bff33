package fr.bilan.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.problem.ProblemResponses;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import reactor.core.publisher.Mono;

/**
 * Answers 429 with {@code Retry-After} once a user or a client address has spent its budget on
 * {@code /api/}. Runs after authentication, so the user is the token's subject.
 */
@Component
public class RateLimits implements WebFilter, Ordered {

    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Map<String, RateLimiter> limiters;
    private final RateLimiterConfig perUser;
    private final RateLimiterConfig perAddress;

    public RateLimits(RateLimitProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
        this.perUser = config(properties.perUser(), properties.period());
        this.perAddress = config(properties.perClientIp(), properties.period());
        this.limiters = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                return size() > properties.maxTracked();
            }
        };
    }

    private static RateLimiterConfig config(int limit, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    public int getOrder() {
        return 0; // after Spring Security's filter chain (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
        if (!acquire("ip:" + address, perAddress)) {
            return tooMany(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() == null ? "" : context.getAuthentication().getName())
                .defaultIfEmpty("")
                .flatMap(user -> user.isEmpty() || acquire("user:" + user, perUser)
                        ? chain.filter(exchange) : tooMany(exchange));
    }

    private boolean acquire(String key, RateLimiterConfig config) {
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(key, name -> RateLimiter.of(name, config));
        }
        return limiter.acquirePermission();
    }

    private Mono<Void> tooMany(ServerWebExchange exchange) {
        long seconds = Math.max(1, (properties.period().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return problems.write(exchange, ProblemKind.RESOURCE_EXHAUSTED,
                "Trop de requêtes en peu de temps. Réessayez dans " + seconds + " s.");
    }
}
