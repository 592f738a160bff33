package fr.bilan.support.stores;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service itself reads of the embedded stand-ins' settings (the stand-ins, module
 * embedded-stores, bind the same prefix): whether they were asked for, and where they keep their data.
 *
 * @param enabled the opt-in ({@code ./bilan up} and the tests set it); false in every deployment
 * @param store   FILE keeps data across restarts under {@code dataDir}; MEMORY forgets it (tests)
 * @param dataDir folder of this service's local data
 */
@ConfigurationProperties("bilan.embedded")
public record EmbeddedStoreSettings(boolean enabled, @DefaultValue("FILE") Store store,
        @DefaultValue(".bilan/data") Path dataDir) {

    /** The opt-in's name. */
    public static final String ENABLED = "bilan.embedded.enabled";

    public enum Store { FILE, MEMORY }
}
