package fr.bilan.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.storage.KeyErasure;
import fr.bilan.support.storage.ObjectEraser;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.testing.ObjectStorageContract;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;

/** Storing, reading and signature checks come from the contract; this checks the service's bucket. */
@SpringBootTest(classes = RetentionApplication.class)
class RetentionObjectStorageTest extends ObjectStorageContract {

    @Autowired
    private ObjectStorage storage;
    @Autowired
    private ObjectEraser eraser;

    @Test
    void keepsItsDocumentsInItsOwnBucket() {
        assertThat(storage.bucket()).isEqualTo("bilan-retention");
        assertThat(storage.bucketExists()).isTrue();
    }

    @Test
    void erasesDocumentsFromItsBucket() throws Exception {
        String key = "erasure-test/certificate.pdf";
        storage.client().putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key)
                .stream(new ByteArrayInputStream(new byte[] {1}), 1L, null).build());

        assertThat(eraser.erase(storage.bucket(), List.of(key))).singleElement().matches(KeyErasure::deleted);
        assertThat(storage.client().listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix("erasure-test/").build())).isEmpty();
    }
}
