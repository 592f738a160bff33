package fr.bilan.support.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible object store. A service that holds documents does not start without an
 * {@code endpoint}, unless a local run opted in to the embedded S3 server (S3Proxy on loopback, whose
 * credentials are generated at each start and never leave the process).
 */
@ConfigurationProperties("bilan.storage.s3")
public class ObjectStorageProperties {

    /** URL of the S3 API, e.g. https://s3.fr-par.example; required (empty only on the embedded stand-in). */
    private String endpoint = "";

    /** Region the bucket lives in. */
    private String region = "us-east-1";

    /** Access key of the store (from a Kubernetes secret in production). */
    private String accessKey = "";

    /** Secret key of the store (from a Kubernetes secret in production). */
    private String secretKey = "";

    /** The service's bucket, created at start-up when missing. */
    private String bucket = "bilan";

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }
}
