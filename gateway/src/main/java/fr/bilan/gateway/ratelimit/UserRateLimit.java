package fr.bilan.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.bilan.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * Answers 429 with {@code Retry-After} once an authenticated user has spent their budget on
 * {@code /api/}. Runs after authentication, so the user is the token's subject.
 */
@Component
public class UserRateLimit implements WebFilter, Ordered {

    private final Budgets budgets;

    public UserRateLimit(RateLimitProperties properties, ProblemResponses problems) {
        this.budgets = new Budgets(properties.perUser(), properties.period(), properties, problems);
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
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() == null ? "" : context.getAuthentication().getName())
                .defaultIfEmpty("")
                .flatMap(user -> user.isEmpty() || budgets.spend(user) ? chain.filter(exchange)
                        : budgets.tooMany(exchange));
    }
}
