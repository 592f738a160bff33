package fr.bilan.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.bilan.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * Answers 429 with {@code Retry-After} once a client address has spent its budget on {@code /api/}.
 * Runs before authentication, so that requests with no token or a bad one, which authentication
 * refuses, are counted too.
 */
@Component
public class ClientAddressRateLimit implements WebFilter, Ordered {

    private final Budgets budgets;

    public ClientAddressRateLimit(RateLimitProperties properties, ProblemResponses problems) {
        this.budgets = new Budgets(properties.perClientIp(), properties, problems);
    }

    @Override
    public int getOrder() {
        return -150; // before Spring Security's filter chain (-100), after the correlation id
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
        return budgets.spend(address) ? chain.filter(exchange) : budgets.tooMany(exchange);
    }
}
