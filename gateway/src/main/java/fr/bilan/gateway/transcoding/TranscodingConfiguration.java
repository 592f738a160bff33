package fr.bilan.gateway.transcoding;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.gateway.problem.PageRequests;
import fr.bilan.gateway.problem.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the transcoder from the descriptor sets and routes {@code /api/**} to it. */
@Configuration(proxyBeanMethods = false)
public class TranscodingConfiguration {

    @Bean
    ApiDescriptors apiDescriptors(GatewayProperties properties) {
        return ApiDescriptors.load(getClass().getClassLoader(), properties.descriptors());
    }

    @Bean
    HttpBindings httpBindings(ApiDescriptors descriptors) {
        return HttpBindings.from(descriptors);
    }

    /** The survey's page and its form: their failures are French HTML pages. */
    @Bean
    PageRequests pageRequests(HttpBindings bindings) {
        return exchange -> bindings.resolve(exchange) instanceof HttpBindings.Matched matched
                && bindings.isPage(matched.binding());
    }

    @Bean
    CircuitBreakerRegistry backendCircuitBreakers(GatewayProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = GrpcBackends.breakerRegistry(properties.circuitBreaker());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    GrpcBackends grpcBackends(HttpBindings bindings, GrpcChannelFactory channels, Environment environment,
            GatewayProperties properties, CircuitBreakerRegistry breakers) {
        return new GrpcBackends(bindings, channels, environment, properties, breakers);
    }

    @Bean
    GrpcTranscodingFilter grpcTranscodingFilter(HttpBindings bindings, ApiDescriptors descriptors,
            GrpcBackends backends, ProblemResponses problems, GatewayProperties properties) {
        return new GrpcTranscodingFilter(bindings, new RequestTranscoder(descriptors.types()),
                new ResponseTranscoder(descriptors.types()), backends, problems, new ServiceProblems(descriptors.types()),
                properties);
    }

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder routes, GrpcTranscodingFilter transcoding) {
        return routes.routes()
                .route("grpc-transcoding", route -> route.path("/api/**")
                        .filters(filters -> filters.filter(transcoding))
                        // the filter answers itself; this URI is never called
                        .uri("no://op"))
                .build();
    }
}
