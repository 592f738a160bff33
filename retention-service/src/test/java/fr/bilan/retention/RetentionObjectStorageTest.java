package fr.bilan.retention;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.ObjectStorageContract;

@SpringBootTest(classes = RetentionApplication.class)
class RetentionObjectStorageTest extends ObjectStorageContract {
}
