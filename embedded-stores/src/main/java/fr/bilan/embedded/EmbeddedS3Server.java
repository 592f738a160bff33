package fr.bilan.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.minio.MinioClient;

/**
 * An S3 protocol server (S3Proxy) on loopback with real signature checks, storing objects under
 * the service's data folder. Its keys are random for each start and stay inside the process.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** A server forgetting everything when closed, as benchmarks use. */
    public static EmbeddedS3Server startInMemory() {
        EmbeddedStoreProperties memory = new EmbeddedStoreProperties();
        memory.setStore(EmbeddedStoreProperties.Store.MEMORY);
        return start(memory);
    }

    public static EmbeddedS3Server start(EmbeddedStoreProperties properties) {
        String accessKey = randomHex(10);
        String secretKey = randomHex(20);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore(properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded S3 server did not start within " + START_TIMEOUT);
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded S3 server", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded S3 server", e);
        }
        EmbeddedS3Server server = new EmbeddedS3Server(proxy, accessKey, secretKey);
        log.info("Embedded S3 ({} store) listening on {}", properties.getStore(), server.endpoint());
        return server;
    }

    private static BlobStore blobStore(EmbeddedStoreProperties properties) {
        return switch (properties.getStore()) {
            case MEMORY -> new TransientNio2BlobStore();
            case FILE -> {
                var folder = properties.getDataDir().resolve("s3");
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create the data folder " + folder, e);
                }
                yield new FilesystemNio2BlobStore(folder.toAbsolutePath().toString());
            }
        };
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A MinIO client of this server, with its credentials. */
    public MinioClient client() {
        return MinioClient.builder().endpoint(endpoint()).region("us-east-1").credentials(accessKey, secretKey).build();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
