package fr.bilan.retention.holder;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.bilan.proto.retention.v1.DocumentKind;

/**
 * The services holding documents, by the name they register them under ({@code holder}):
 * {@code bilan.retention.holders.<name>.channel} names the gRPC channel to reach them
 * ({@code spring.grpc.client.channel.<channel>.*}); {@code content-kind}, when set, says that the
 * holder keeps content of every bilan in its database (the synthèse's text, the process evidence,
 * the agreement of the action's funding), registered at the end of the action as one entry of that
 * kind, and erased under the rules of that kind once the bilan's objects there are gone (with the
 * bilan's key, at a holder that has one).
 */
@ConfigurationProperties("bilan.retention")
public record HolderProperties(Map<String, Holder> holders) {

    public HolderProperties {
        holders = holders == null ? Map.of() : Map.copyOf(holders);
    }

    public record Holder(String channel, Optional<DocumentKind> contentKind) {
    }
}
