package fr.bilan.support.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up while the service's bucket answers. */
class ObjectStorageHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStorage storage;

    ObjectStorageHealthIndicator(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (storage.bucketExists()) {
            builder.up().withDetail("bucket", storage.bucket());
        } else {
            builder.down().withDetail("bucket", storage.bucket());
        }
    }
}
