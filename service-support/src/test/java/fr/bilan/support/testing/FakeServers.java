package fr.bilan.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;

/** Where a fake that stands for another service listens on a port of its own. */
final class FakeServers {

    private FakeServers() {
    }

    /** Serves {@code definition} on {@code port} until the test JVM ends. */
    static void serveUntilExit(int port, ServerServiceDefinition definition) {
        Server server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create()).addService(definition).build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    }
}
