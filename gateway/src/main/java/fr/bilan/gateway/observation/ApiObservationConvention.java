package fr.bilan.gateway.observation;

import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The tags of {@code http.server.requests}: Spring's, with {@code uri} the route's template and
 * {@code rpc} the RPC it calls ({@link RouteObservation}). Both come from the contract, so their
 * values are bounded: a request that matched no route is {@code uri="UNMATCHED"}, {@code rpc="none"},
 * whatever its path.
 */
@Component
public class ApiObservationConvention extends DefaultServerRequestObservationConvention {

    static final KeyValue UNMATCHED = KeyValue.of("uri", "UNMATCHED");
    static final String NO_RPC = "none";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object rpc = context.getAttributes().get(RouteObservation.RPC);
        return super.getLowCardinalityKeyValues(context).and("rpc", rpc instanceof String name ? name : NO_RPC);
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        return context.getPathPattern() != null ? super.uri(context) : UNMATCHED;
    }
}
