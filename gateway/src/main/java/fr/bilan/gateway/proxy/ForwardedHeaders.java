package fr.bilan.gateway.proxy;

import java.net.InetSocketAddress;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.http.server.ConnectionInfo;
import reactor.netty.http.server.HttpServer;

/**
 * The client address and scheme of every request, as Reactor Netty hands them on (to the per-address
 * rate limit, HSTS, the request's URI, Reactor Netty's access log), from the forwarded headers of
 * trusted proxies only ({@link ForwardedClient}). Spring Boot's {@code server.forward-headers-strategy}
 * would believe them from anyone: the gateway refuses to start with it set.
 */
@Component
public class ForwardedHeaders implements NettyServerCustomizer {

    private final TrustedProxies proxies;

    public ForwardedHeaders(TrustedProxyProperties properties, Environment environment) {
        String strategy = Binder.get(environment).bind("server.forward-headers-strategy", String.class).orElse("none");
        if (!strategy.equalsIgnoreCase("none")) {
            throw new IllegalStateException("server.forward-headers-strategy=" + strategy + " believes forwarded "
                    + "headers from any client: leave it unset and list the proxies in bilan.gateway.trusted-proxies");
        }
        this.proxies = TrustedProxies.of(properties.trustedProxies());
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.forwarded(this::connectionInfo);
    }

    private ConnectionInfo connectionInfo(ConnectionInfo connection, HttpRequest request) {
        InetSocketAddress peer = connection.getRemoteAddress();
        if (proxies.isEmpty() || peer == null || peer.getAddress() == null) {
            return connection;
        }
        HttpHeaders headers = request.headers();
        ForwardedClient.Client client = ForwardedClient.resolve(proxies, peer.getAddress(), headers.getAll("Forwarded"),
                headers.getAll("X-Forwarded-For"), headers.getAll("X-Forwarded-Proto"));
        ConnectionInfo resolved = connection.withRemoteAddress(new InetSocketAddress(client.address(), peer.getPort()));
        return client.scheme() == null ? resolved : resolved.withScheme(client.scheme());
    }
}
