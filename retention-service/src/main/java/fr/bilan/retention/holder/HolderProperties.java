package fr.bilan.retention.holder;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.bilan.retention.rules.DocumentKind;

/**
 * The services holding documents, by the name they register them under ({@code holder}):
 * {@code bilan.retention.holders.<name>.channel} names the gRPC channel to reach them
 * ({@code spring.grpc.client.channel.<channel>.*}); {@code content-kind}, when set, says that the
 * holder keeps content of every bilan in its database (the synthèse's text, the process evidence,
 * the agreement of the action's funding), registered at the end of the action as one entry of that
 * kind, and erased under the rules of that kind once the bilan's objects there are gone (with the
 * bilan's key, at a holder that has one). {@code funded-actions-only} says it keeps content only for
 * an action that had a funding (the funding's agreement): an end naming none registers no entry
 * there, so that no certificate claims the destruction of what never existed.
 */
@ConfigurationProperties("bilan.retention")
public record HolderProperties(Map<String, Holder> holders) {

    public HolderProperties {
        holders = holders == null ? Map.of() : Map.copyOf(holders);
    }

    public record Holder(String channel, Optional<DocumentKind> contentKind, boolean fundedActionsOnly) {

        /** Whether it keeps content of the ended action: one of every action, or of a funded one. */
        public boolean keepsContentOf(boolean funded) {
            return contentKind.isPresent() && (funded || !fundedActionsOnly);
        }
    }
}
