package fr.bilan.gateway.observation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.google.protobuf.Descriptors.MethodDescriptor;

import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.gateway.transcoding.HttpBindings.Matched;
import reactor.core.publisher.Mono;

/**
 * Names the route of every API request in its observation, before anything may refuse it (rate
 * limits, authentication): the path template of its contract ({@code /api/v1/beneficiaries/{id}},
 * never the path itself) and the RPC it calls. No handler mapping does it for the API: the
 * transcoder answers from a gateway filter, and the metrics would say {@code UNKNOWN}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the correlation id
public class RouteObservation implements WebFilter {

    /** Exchange attribute: the full gRPC name of the RPC the request calls ({@code bilan.x.v1.XService/Get}). */
    static final String RPC = RouteObservation.class.getName() + ".rpc";

    private final HttpBindings bindings;

    public RouteObservation(HttpBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/api/")
                && bindings.resolve(exchange) instanceof Matched matched) {
            MethodDescriptor method = matched.binding().method();
            exchange.getAttributes().put(RPC, io.grpc.MethodDescriptor.generateFullMethodName(
                    method.getService().getFullName(), method.getName()));
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .ifPresent(context -> context.setPathPattern(matched.binding().path().toString()));
        }
        return chain.filter(exchange);
    }
}
