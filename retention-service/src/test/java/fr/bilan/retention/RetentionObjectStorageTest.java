package fr.bilan.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.testing.ObjectStorageContract;

/** Storing, reading and signature checks come from the contract; this checks the service's bucket. */
@SpringBootTest(classes = RetentionApplication.class)
class RetentionObjectStorageTest extends ObjectStorageContract {

    @Autowired
    private ObjectStorage storage;

    @Test
    void keepsItsDocumentsInItsOwnBucket() {
        assertThat(storage.bucket()).isEqualTo("bilan-retention");
        assertThat(storage.bucketExists()).isTrue();
    }
}
