package fr.bilan.gateway.security;

import java.net.InetSocketAddress;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * The actuator on the management port only, the API on the API port only. The management server
 * ({@code management.server.port}) runs a child context whose dispatcher also finds the parent's
 * routes, and the parent's filters run on both: without this, the API would answer on the
 * management port, which the ingress controller is never let into but Prometheus is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the correlation id and the route's name, before anything else
public class ManagementPortSeparation implements WebFilter {

    private static final String ACTUATOR = "/actuator";

    private final ProblemResponses problems;
    private volatile int managementPort = -1;

    public ManagementPortSeparation(ProblemResponses problems) {
        this.problems = problems;
    }

    /** The management server's port once it listens (its child context's event reaches this one). */
    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean actuator = path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        boolean onManagementPort = managementPort > 0 && local != null && local.getPort() == managementPort;
        if (managementPort > 0 && actuator != onManagementPort) {
            return problems.write(exchange, ProblemKind.NOT_FOUND, "Aucune ressource ne correspond à ce chemin.");
        }
        return chain.filter(exchange);
    }
}
