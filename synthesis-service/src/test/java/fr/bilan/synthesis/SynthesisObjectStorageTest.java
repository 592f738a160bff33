package fr.bilan.synthesis;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.ObjectStorageContract;

@SpringBootTest(classes = SynthesisApplication.class)
class SynthesisObjectStorageTest extends ObjectStorageContract {
}
