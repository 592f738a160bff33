package fr.bilan.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the embedded stores keep their data when no real server is configured. They start
 * only when {@value #ENABLED} is true, a setting service-support's store check reads too.
 */
@ConfigurationProperties("bilan.embedded")
public class EmbeddedStoreProperties {

    /** The opt-in: without it, a service with no store configured refuses to start. */
    public static final String ENABLED = "bilan.embedded.enabled";

    public enum Store { FILE, MEMORY }

    /** FILE keeps data across restarts under {@link #dataDir}; MEMORY forgets it (tests). */
    private Store store = Store.FILE;

    /** Folder of this service's embedded data. */
    private Path dataDir = Path.of(".bilan", "data");

    /** Database name on the embedded MongoDB server. */
    private String database = "bilan";

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }
}
