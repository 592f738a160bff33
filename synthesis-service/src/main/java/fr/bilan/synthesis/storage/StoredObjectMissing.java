package fr.bilan.synthesis.storage;

/** No object under that key in the bucket (removed, or never uploaded). */
public class StoredObjectMissing extends RuntimeException {

    public StoredObjectMissing(String objectKey) {
        super("No stored object " + objectKey);
    }
}
