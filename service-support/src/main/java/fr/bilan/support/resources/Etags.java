package fr.bilan.support.resources;

/** Etags are versions: a change names the version it read, and is refused when it is not the stored one. */
public final class Etags {

    private Etags() {
    }

    /**
     * The version a change expects: the one the caller's etag names, or {@code read} (the one just
     * read) when the caller sent none. An etag that is not a version can match none, so the change
     * is refused as stale.
     */
    public static long expectedVersion(String etag, long read) {
        if (etag == null || etag.isEmpty()) {
            return read;
        }
        try {
            return Long.parseLong(etag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
