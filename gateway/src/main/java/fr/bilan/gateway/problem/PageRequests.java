package fr.bilan.gateway.problem;

import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the requests for a page a person opens in a browser (a survey's page and its form), whose
 * failures are shown as a French HTML page rather than as {@code application/problem+json}.
 */
@FunctionalInterface
public interface PageRequests {

    /**
     * The pages' Content-Security-Policy, in place of the API's {@code default-src 'none'}: their own
     * inline style and nothing else, no script, their form posted to themselves only.
     */
    String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    boolean isPage(ServerWebExchange exchange);
}
