package fr.bilan.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Base of a service's {@code @SpringBootTest}: the real gRPC server on a free loopback port,
 * in-memory embedded stores, tokens checked against {@link TestIdentityProvider}, logins looked up in
 * {@link FakeKeycloakAdmin}.
 */
public abstract class GrpcServiceTestSupport {

    // before GRPC_PORT: freePort() needs them when the class initialises
    private static final int FREE_PORT_LOW = 20_000;
    private static final int FREE_PORT_HIGH = 32_000;
    /** The ports handed out by this JVM, never handed twice: two servers of one run never meet on one. */
    private static final Set<Integer> HANDED = ConcurrentHashMap.newKeySet();
    protected static final int GRPC_PORT = freePort();
    private static ManagedChannel channel;

    @DynamicPropertySource
    static void grpcServiceProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.server.port", () -> GRPC_PORT);
        // the stand-ins (embedded-stores, test scope), opted in as ./bilan up does
        registry.add("bilan.embedded.enabled", () -> "true");
        registry.add("bilan.embedded.store", () -> "memory");
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        // the identity provider's directory, for the services that read it (beneficiary-service)
        registry.add("bilan.directory.realm-admin-uri", () -> FakeKeycloakAdmin.instance().realmAdminUri());
        registry.add("bilan.directory.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("bilan.directory.client-secret", () -> "test-only-directory-secret");
    }

    protected static synchronized ManagedChannel channel() {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext().build();
        }
        return channel;
    }

    @AfterAll
    static synchronized void closeChannel() {
        if (channel != null) {
            channel.shutdownNow();
            channel = null;
        }
    }

    /** Sends {@code token} as {@code authorization: Bearer …}, as the gateway does. */
    protected static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    /** The status a call ends with: {@code OK} when it returns, its code when it fails with a gRPC status. */
    public static Status.Code codeOf(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    /** Sockets holding {@link #refusingPort()}s for the JVM's life. */
    private static final List<Socket> REFUSING = new CopyOnWriteArrayList<>();

    /**
     * A port where every connection is refused, for as long as the tests run: bound by a socket that
     * never listens, so no other process (a parallel build) can take it, unlike a {@link #freePort()}
     * left unbound. For a backend that must stay down.
     */
    public static int refusingPort() {
        try {
            Socket holder = new Socket();
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            REFUSING.add(holder);
            return holder.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port free now, for a server a test starts later (often in another process). Taken below the
     * kernel's ephemeral range (32768 and up on Linux), which every outgoing connection draws from: a port
     * from that range, free when chosen, can be taken by a client socket before the server binds it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(FREE_PORT_LOW, FREE_PORT_HIGH);
            if (!HANDED.add(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("0.0.0.0", candidate));
                return candidate;
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IllegalStateException("no free port between " + FREE_PORT_LOW + " and " + FREE_PORT_HIGH);
    }
}
