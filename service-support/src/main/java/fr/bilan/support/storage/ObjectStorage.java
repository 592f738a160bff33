package fr.bilan.support.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;

/** The service's bucket on the S3 store, reached only through the MinIO client. */
public class ObjectStorage {

    private final MinioClient client;
    private final String bucket;

    public ObjectStorage(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public MinioClient client() {
        return client;
    }

    public String bucket() {
        return bucket;
    }

    public boolean bucketExists() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw new ObjectStorageException("Cannot reach bucket " + bucket, e);
        }
    }

    void ensureBucket() {
        if (!bucketExists()) {
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            } catch (Exception e) {
                throw new ObjectStorageException("Cannot create bucket " + bucket, e);
            }
        }
    }

    /** A failure of the object store, with the S3 cause kept for the logs. */
    public static class ObjectStorageException extends RuntimeException {
        public ObjectStorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
