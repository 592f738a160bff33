package fr.bilan.gateway.problem;

import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the requests for a page a person opens in a browser (a survey's page and its form), whose
 * failures are shown as a French HTML page rather than as {@code application/problem+json}.
 */
@FunctionalInterface
public interface PageRequests {

    boolean isPage(ServerWebExchange exchange);
}
