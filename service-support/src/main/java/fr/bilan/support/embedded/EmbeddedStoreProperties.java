package fr.bilan.support.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where and how the embedded stores keep their data when no real server is configured. */
@ConfigurationProperties("bilan.embedded")
public class EmbeddedStoreProperties {

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
