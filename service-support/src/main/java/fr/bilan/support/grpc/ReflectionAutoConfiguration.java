package fr.bilan.support.grpc;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;

/**
 * The standard gRPC reflection service, registered before Boot's gRPC server auto-configuration.
 * Boot starts a gRPC server (and its health service) only when a service bean already exists, and
 * adds reflection only then too; a service whose only endpoints are health and reflection would
 * otherwise have no server at all. Boot's own reflection bean is switched off in the defaults.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.grpc.server.autoconfigure.GrpcServerServicesAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "bilan.grpc.reflection.enabled", matchIfMissing = true)
public class ReflectionAutoConfiguration {

    @Bean
    BindableService grpcReflectionService() {
        return ProtoReflectionServiceV1.newInstance();
    }
}
