package fr.bilan.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.bilan.gateway.problem.ProblemResponses;
import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.gateway.transcoding.HttpBindings.Matched;
import reactor.core.publisher.Mono;

/**
 * Answers 429 with {@code Retry-After} once a client address has spent its budget on {@code /api/},
 * or its stricter budget on the pages opened by a secret link, so that guessing a survey's link soon
 * stops: the 429 comes whether the links tried exist or not. Runs before authentication,
 * so that requests with no token or a bad one, which authentication refuses, are counted too.
 */
@Component
public class ClientAddressRateLimit implements WebFilter, Ordered {

    private final Budgets budgets;
    private final Budgets pageBudgets;
    private final HttpBindings bindings;

    public ClientAddressRateLimit(RateLimitProperties properties, ProblemResponses problems, HttpBindings bindings) {
        this.budgets = new Budgets(properties.perClientIp(), properties.period(), properties, problems);
        this.pageBudgets = new Budgets(properties.pages().perClientIp(), properties.pages().period(),
                properties, problems);
        this.bindings = bindings;
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
        if (!budgets.spend(address)) {
            return budgets.tooMany(exchange);
        }
        boolean page = bindings.resolve(exchange) instanceof Matched matched && bindings.isPage(matched.binding());
        return !page || pageBudgets.spend(address) ? chain.filter(exchange)
                : pageBudgets.tooMany(exchange);
    }
}
