package fr.bilan.support.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.GetBucketVersioningArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import io.minio.messages.VersioningConfiguration;

/**
 * Destroys objects for good: S3 multi-object deletes of at most 1,000 keys each, every version of
 * each key when the bucket keeps versions, at most {@code maxRequestsPerSecond} requests a second
 * (listings included) so that a large purge never starves the store. Safe to retry: S3 deletes are
 * idempotent, a key already absent counts as deleted.
 * <p>
 * Failures come back as outcomes, never as exceptions, so that the keys deleted before a failure are
 * known: a key the store refuses is FAILED with the store's code (e.g. {@code AccessDenied}); a request
 * the store refuses as a whole fails its keys with the store's code and the next request is tried; a
 * store that cannot be reached (connection refused, timeout: the client's own timeouts apply) fails
 * the keys of that request and of all later ones with {@link #UNREACHABLE}, and no further request
 * is sent. Counted in {@link #OBJECTS} (tag {@code outcome}: deleted, failed) and {@link #REQUESTS}.
 */
public final class ObjectEraser {

    public static final String OBJECTS = "bilan.storage.erase.objects";
    public static final String REQUESTS = "bilan.storage.erase.requests";
    /** The error code of the keys left undeleted because the store could not be reached. */
    public static final String UNREACHABLE = "StoreUnreachable";
    /** Keys an S3 multi-object delete takes at most. */
    static final int MAX_KEYS_PER_REQUEST = 1000;
    /** S3's longest key, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 1024;

    private final MinioClient client;
    /** Null when unlimited. */
    private final RateLimiter limiter;
    private final int keysPerRequest;
    private final Counter deleted;
    private final Counter failed;
    private final Counter requests;

    /** @param maxRequestsPerSecond requests sent to the store a second at most; 0 for no limit */
    public ObjectEraser(MinioClient client, int maxRequestsPerSecond, MeterRegistry registry) {
        this(client, maxRequestsPerSecond, registry, MAX_KEYS_PER_REQUEST);
    }

    ObjectEraser(MinioClient client, int maxRequestsPerSecond, MeterRegistry registry, int keysPerRequest) {
        if (maxRequestsPerSecond < 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (no limit) or more");
        }
        this.client = client;
        this.keysPerRequest = keysPerRequest;
        // a wait longer than any purge: the limiter paces, it never gives up
        this.limiter = maxRequestsPerSecond == 0 ? null : RateLimiter.of("storage-erase", RateLimiterConfig.custom()
                .limitForPeriod(maxRequestsPerSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofDays(1)).build());
        this.deleted = Counter.builder(OBJECTS).tag("outcome", "deleted")
                .description("Objects erased (every version), or found already absent").register(registry);
        this.failed = Counter.builder(OBJECTS).tag("outcome", "failed")
                .description("Objects the store did not erase; they stay due").register(registry);
        this.requests = Counter.builder(REQUESTS).description("Multi-object delete requests sent").register(registry);
    }

    /**
     * Erases the objects under these keys (duplicates count once), every version of each.
     *
     * @return one outcome per distinct key, in the order given
     * @throws IllegalArgumentException when a key is null, empty or longer than S3 allows, before any request
     */
    public List<KeyErasure> erase(String bucket, Collection<String> keys) {
        Set<String> distinct = validated(keys);
        if (distinct.isEmpty()) {
            return List.of();
        }
        Map<String, KeyErasure> outcomes = new LinkedHashMap<>();
        distinct.forEach(key -> outcomes.put(key, KeyErasure.deleted(key)));
        List<Target> targets;
        try {
            targets = targets(bucket, distinct);
        } catch (MinioException | IllegalStateException e) {
            failAll(outcomes, distinct, e);
            return counted(outcomes);
        }
        for (int from = 0; from < targets.size(); from += keysPerRequest) {
            List<Target> request = targets.subList(from, Math.min(from + keysPerRequest, targets.size()));
            try {
                delete(bucket, request, outcomes);
            } catch (ErrorResponseException e) {
                failAll(outcomes, keysOf(request), e);
            } catch (MinioException | IllegalStateException e) {
                failAll(outcomes, keysOf(targets.subList(from, targets.size())), e);
                break;
            }
        }
        return counted(outcomes);
    }

    private static Set<String> validated(Collection<String> keys) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String key : keys) {
            if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                throw new IllegalArgumentException("Not an object key (empty, or longer than " + MAX_KEY_BYTES
                        + " bytes): " + (key == null ? null : key.substring(0, Math.min(key.length(), 80))));
            }
            distinct.add(key);
        }
        return distinct;
    }

    /**
     * What to delete: the keys alone in a bucket without versions, else each version (delete markers
     * included) listed folder by folder. Versioning is asked of the bucket at each erasure, one request,
     * so that a bucket switched to versioning since start-up does not keep old versions of purged
     * documents. A store without versioning (S3Proxy answers {@code NotImplemented}) gets plain keys.
     */
    private List<Target> targets(String bucket, Set<String> keys) throws MinioException {
        if (!versioned(bucket)) {
            return keys.stream().map(key -> new Target(key, null)).toList();
        }
        Set<String> folders = new LinkedHashSet<>();
        keys.forEach(key -> folders.add(key.substring(0, key.lastIndexOf('/') + 1)));
        List<Target> versions = new ArrayList<>();
        for (String folder : folders) {
            pace();
            Iterable<Result<Item>> listing = client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).prefix(folder).includeVersions(true).build());
            for (Result<Item> result : listing) {
                Item item = result.get();
                if (keys.contains(item.objectName())) {
                    versions.add(new Target(item.objectName(), item.versionId()));
                }
            }
        }
        return versions;
    }

    private boolean versioned(String bucket) throws MinioException {
        pace();
        try {
            VersioningConfiguration.Status status = client.getBucketVersioning(
                    GetBucketVersioningArgs.builder().bucket(bucket).build()).status();
            return status == VersioningConfiguration.Status.ENABLED
                    || status == VersioningConfiguration.Status.SUSPENDED;
        } catch (ErrorResponseException e) {
            if ("NotImplemented".equals(e.errorResponse().code())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One multi-object delete. MinIO's {@code removeObjects} is lazy (nothing is sent until its results
     * are iterated) and stops at the first request that has errors: one call per request, iterated to
     * the end. It yields the errors only; a result that throws is the request failing as a whole.
     */
    private void delete(String bucket, List<Target> request, Map<String, KeyErasure> outcomes)
            throws MinioException {
        pace();
        requests.increment();
        List<DeleteRequest.Object> objects = request.stream()
                .map(target -> new DeleteRequest.Object(target.key(), target.versionId())).toList();
        for (Result<DeleteResult.Error> result : client.removeObjects(
                RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
            DeleteResult.Error error = result.get();
            outcomes.put(error.objectName(), KeyErasure.failed(error.objectName(), error.code(), error.message()));
        }
    }

    private void pace() {
        if (limiter != null) {
            RateLimiter.waitForPermission(limiter);
        }
    }

    /**
     * The store's error, or {@link #UNREACHABLE} for anything else: MinIO 9 reports a connection that
     * failed (refused, timed out) as an {@link IllegalStateException} around the {@code IOException}.
     */
    private static void failAll(Map<String, KeyErasure> outcomes, Collection<String> keys, Exception e) {
        String code = e instanceof ErrorResponseException response ? response.errorResponse().code() : UNREACHABLE;
        String message = e instanceof ErrorResponseException response ? response.errorResponse().message()
                : String.valueOf(e.getCause() != null ? e.getCause() : e);
        keys.forEach(key -> outcomes.put(key, KeyErasure.failed(key, code, message)));
    }

    private static Set<String> keysOf(List<Target> targets) {
        Set<String> keys = new HashSet<>();
        targets.forEach(target -> keys.add(target.key()));
        return keys;
    }

    private List<KeyErasure> counted(Map<String, KeyErasure> outcomes) {
        List<KeyErasure> all = List.copyOf(outcomes.values());
        long erased = all.stream().filter(KeyErasure::deleted).count();
        deleted.increment(erased);
        failed.increment(all.size() - erased);
        return all;
    }

    /** An object to delete: a key, and one of its versions when the bucket keeps versions. */
    private record Target(String key, String versionId) {
    }
}
