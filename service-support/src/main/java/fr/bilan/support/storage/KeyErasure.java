package fr.bilan.support.storage;

/**
 * What became of one object key in {@link ObjectEraser#erase}: gone from the store (also when it was
 * already absent, which makes a retried purge safe), or failed with the store's error code and
 * message, and then still due.
 */
public record KeyErasure(String key, Outcome outcome, String errorCode, String errorMessage) {

    public enum Outcome { DELETED, FAILED }

    static KeyErasure deleted(String key) {
        return new KeyErasure(key, Outcome.DELETED, null, null);
    }

    static KeyErasure failed(String key, String errorCode, String errorMessage) {
        return new KeyErasure(key, Outcome.FAILED, errorCode, errorMessage);
    }

    public boolean deleted() {
        return outcome == Outcome.DELETED;
    }
}
