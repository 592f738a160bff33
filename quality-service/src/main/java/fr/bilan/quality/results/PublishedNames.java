package fr.bilan.quality.results;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import fr.bilan.support.centre.Centres;

/**
 * The name results are published under: a centre's from its settings ({@code bilan.centres…name}), its id
 * while it has none; the network's from {@code bilan.quality.network-name}.
 */
@Component
@EnableConfigurationProperties(Centres.class)
class PublishedNames {

    private final Centres centres;
    private final String network;

    PublishedNames(Centres centres, @Value("${bilan.quality.network-name:Réseau}") String network) {
        this.centres = centres;
        this.network = network;
    }

    /** The name of {@code centreId}, or the network's for an empty id. */
    String of(String centreId) {
        if (centreId.isEmpty()) {
            return network;
        }
        String name = centres.of(centreId).name();
        return name == null || name.isBlank() ? centreId : name.strip();
    }
}
