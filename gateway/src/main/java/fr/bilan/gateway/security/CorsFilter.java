package fr.bilan.gateway.security;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.problem.PageRequests;
import fr.bilan.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's {@code CorsWebFilter} does it (answers preflights, adds the headers), except
 * that a request from an origin that is not allowed gets a 403 problem, not an empty 403. A page's
 * requests ({@link PageRequests}) are navigations, which CORS does not govern: the page's form is
 * posted with whatever {@code Origin} the browser gives it (even {@code null}), its link's secret
 * being the credential.
 */
final class CorsFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;
    private final PageRequests pages;

    CorsFilter(CorsConfigurationSource source, ProblemResponses problems, PageRequests pages) {
        this.source = source;
        this.problems = problems;
        this.pages = pages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (pages.isPage(exchange)) {
            return chain.filter(exchange);
        }
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, ProblemKind.PERMISSION_DENIED,
                    "Cette origine n'est pas autorisée à appeler l'API depuis un navigateur.");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
