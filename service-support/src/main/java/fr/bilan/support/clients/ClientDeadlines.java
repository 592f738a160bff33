package fr.bilan.support.clients;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bilan.clients.<target>.*}: the one place a service's calls to another part of the platform
 * get their deadline, {@code <target>} naming what is called: a gRPC channel
 * ({@code spring.grpc.client.channel.<target>}: {@code beneficiary}, {@code session},
 * {@code synthesis}, {@code retention}) or {@code directory} (Keycloak's admin API). A service sets
 * the targets it calls in its application.yaml; a target not set waits {@link #DEFAULT_DEADLINE}.
 */
@ConfigurationProperties("bilan")
public record ClientDeadlines(Map<String, Client> clients) {

    /** The deadline of a call to a target no setting names. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    /** @param deadline how long each call to the target may take, waiting for a ready target included */
    public record Client(Duration deadline) {
    }

    public ClientDeadlines {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((target, client) -> {
            if (client.deadline() != null && (client.deadline().isNegative() || client.deadline().isZero())) {
                throw new IllegalArgumentException("bilan.clients." + target + ".deadline must be positive, not "
                        + client.deadline());
            }
        });
    }

    /** The deadline of each call to {@code target}. */
    public Duration deadline(String target) {
        Client client = clients.get(target);
        return client == null || client.deadline() == null ? DEFAULT_DEADLINE : client.deadline();
    }
}
