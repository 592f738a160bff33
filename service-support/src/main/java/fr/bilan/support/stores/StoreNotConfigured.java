package fr.bilan.support.stores;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A service cannot start without knowing where its data lives: a refusal naming the settings to give,
 * reported by {@link StoreNotConfiguredFailureAnalyzer} without a stack trace.
 */
public class StoreNotConfigured extends RuntimeException {

    private final String action;

    private StoreNotConfigured(String description, String action) {
        super(description);
        this.action = action;
    }

    /** No store configured for {@code missing} and no opt-in to the stand-ins. */
    static StoreNotConfigured missing(List<Setting> missing) {
        String stores = missing.stream().map(Setting::store).collect(Collectors.joining(" and "));
        String settings = missing.stream().map(setting -> "  " + setting.name() + " (environment variable "
                + setting.environmentVariable() + "): " + setting.example()).collect(Collectors.joining("\n"));
        return new StoreNotConfigured("This service has no " + stores + " configured, and will not start without: "
                + "it would otherwise keep its data in its own pod and lose it with the pod.",
                "Set\n" + settings + "\nFor a local run on the embedded stand-ins, use ./bilan up (it adds them and sets "
                        + EmbeddedStoreSettings.ENABLED + "=true); no deployment carries them.");
    }

    /** The opt-in is set where the stand-ins are not on the class path (any image). */
    static StoreNotConfigured standInsAbsent() {
        return new StoreNotConfigured(EmbeddedStoreSettings.ENABLED + " is true, but the embedded stand-ins (module "
                + "embedded-stores) are not on this service's class path: no image carries them.",
                "Remove " + EmbeddedStoreSettings.ENABLED + " (environment variable BILAN_EMBEDDED_ENABLED) and set "
                        + Setting.MONGODB.name() + " (environment variable " + Setting.MONGODB.environmentVariable()
                        + "), and " + Setting.S3.name() + " where the service holds documents; for a local run, "
                        + "use ./bilan up.");
    }

    public String action() {
        return action;
    }

    /** A store's address setting, as the refusal names it. */
    record Setting(String store, String name, String environmentVariable, String example) {

        static final Setting MONGODB = new Setting("MongoDB", "spring.mongodb.uri", "SPRING_MONGODB_URI",
                "the MongoDB connection string, database included, e.g. "
                        + "mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/bilan?replicaSet=rs0");
        static final Setting S3 = new Setting("S3 object store", "bilan.storage.s3.endpoint", "BILAN_STORAGE_S3_ENDPOINT",
                "the URL of the S3 API, e.g. https://s3.fr-par.example, with bilan.storage.s3.access-key and "
                        + "bilan.storage.s3.secret-key");
    }
}
