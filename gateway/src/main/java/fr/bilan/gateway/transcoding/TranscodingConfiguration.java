package fr.bilan.gateway.transcoding;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.gateway.problem.ProblemResponses;

/** Wires the transcoder from the descriptor sets and routes {@code /api/**} to it. */
@Configuration(proxyBeanMethods = false)
public class TranscodingConfiguration {

    @Bean
    ApiDescriptors apiDescriptors() {
        return ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);
    }

    @Bean
    HttpBindings httpBindings(ApiDescriptors descriptors) {
        return HttpBindings.from(descriptors);
    }

    @Bean
    GrpcBackends grpcBackends(HttpBindings bindings, GrpcChannelFactory channels, Environment environment,
            GatewayProperties properties) {
        return new GrpcBackends(bindings, channels, environment, properties);
    }

    @Bean
    GrpcTranscodingFilter grpcTranscodingFilter(HttpBindings bindings, ApiDescriptors descriptors,
            GrpcBackends backends, ProblemResponses problems, GatewayProperties properties) {
        return new GrpcTranscodingFilter(bindings, new RequestTranscoder(descriptors.types()),
                new ResponseTranscoder(descriptors.types()), backends, problems, properties);
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
