package fr.bilan.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;

/**
 * A backend stood in for, in the test JVM, by a gRPC server on a free loopback port, for tests of
 * the running gateway: the gateway's settings to reach it and to check tokens from
 * {@link TestIdentityProvider}, and the calls it received.
 */
final class StandInBackend {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    /** A call the stand-in received: the RPC's name ({@code GetCalendarFeed}) and its headers. */
    record ReceivedCall(String method, Metadata headers) {

        /** The authorization header it came with; {@code null} when none. */
        String authorization() {
            return headers.get(AUTHORIZATION);
        }
    }

    private StandInBackend() {
    }

    /** A started server for {@code service}; the test shuts it down. */
    static Server start(BindableService service) {
        return start(service, new CopyOnWriteArrayList<>());
    }

    /** A started server for {@code service}, adding each call to {@code received}; the test shuts it down. */
    static Server start(BindableService service, List<ReceivedCall> received) {
        ServerInterceptor recordCalls = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                received.add(new ReceivedCall(call.getMethodDescriptor().getBareMethodName(), headers));
                return next.startCall(call, headers);
            }
        };
        try {
            return ServerBuilder.forPort(GrpcServiceTestSupport.freePort())
                    .addService(ServerInterceptors.intercept(service, recordCalls)).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tokens from the test identity provider, and {@code backend}'s channel to {@code server}. */
    static void register(DynamicPropertyRegistry registry, String backend, Server server) {
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        registry.add("spring.grpc.client.channel." + backend + ".target", () -> "127.0.0.1:" + server.getPort());
    }
}
