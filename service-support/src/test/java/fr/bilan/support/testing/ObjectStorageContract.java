package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.embedded.EmbeddedS3Server;
import fr.bilan.support.storage.ObjectStorage;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

/**
 * What a service that holds documents gets on a local run (opted in to the stand-ins, no S3 endpoint):
 * an embedded S3 server that stores and returns objects through the MinIO client, and checks request
 * signatures.
 */
public abstract class ObjectStorageContract extends GrpcServiceTestSupport {

    @Autowired
    private ObjectStorage storage;

    @Autowired
    private EmbeddedS3Server embeddedServer;

    @Test
    void storesAndReadsBackAnObjectInTheServiceBucket() throws Exception {
        byte[] content = "contenu de test".getBytes(StandardCharsets.UTF_8);
        MinioClient client = storage.client();

        client.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object("probe/1")
                .stream(new ByteArrayInputStream(content), (long) content.length, null).build());

        try (var in = client.getObject(GetObjectArgs.builder().bucket(storage.bucket()).object("probe/1").build())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(client.statObject(StatObjectArgs.builder().bucket(storage.bucket()).object("probe/1").build()).size())
                .isEqualTo(content.length);
    }

    @Test
    void refusesARequestSignedWithTheWrongSecret() {
        MinioClient intruder = MinioClient.builder().endpoint(embeddedServer.endpoint())
                .credentials(embeddedServer.accessKey(), "not-the-secret").build();

        assertThatThrownBy(() -> intruder.bucketExists(BucketExistsArgs.builder().bucket(storage.bucket()).build()))
                .isInstanceOf(ErrorResponseException.class);
    }
}
