package fr.bilan.support.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.storage.erase.*}: how a service erases objects from its bucket ({@link ObjectEraser}).
 *
 * @param maxRequestsPerSecond requests (multi-object deletes of up to 1,000 keys, version listings)
 *                             sent to the store a second at most, so that destroying a large backlog
 *                             never starves it; 0 for no limit
 */
@ConfigurationProperties("bilan.storage.erase")
public record ObjectEraserProperties(@DefaultValue("20") int maxRequestsPerSecond) {

    public ObjectEraserProperties {
        if (maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("bilan.storage.erase.max-requests-per-second must be 0 (no limit) or more");
        }
    }
}
