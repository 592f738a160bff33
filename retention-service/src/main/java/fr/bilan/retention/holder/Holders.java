package fr.bilan.retention.holder;

import java.util.List;

/**
 * What the purge asks of the services holding documents: each erases in its own bucket and
 * database. A call that fails throws {@link HolderFailure}; the documents then stay due.
 */
public interface Holders {

    /** Deletes up to 1,000 objects of {@code holder}'s bucket, every version; one outcome per key, in order. */
    List<ObjectDeletion> delete(String holder, String bucket, List<String> keys);

    /**
     * Has {@code holder} erase what it keeps of the bilan (and destroy its key, if it has one);
     * returns whether a key is gone.
     *
     * @param fundingId the action's funding, for the holder of its agreement; empty when none
     */
    boolean eraseContent(String holder, String assessmentId, String fundingId);

    /**
     * What became of one object.
     *
     * @param failure why it was not deleted (the store's error code); empty when deleted
     */
    record ObjectDeletion(String objectKey, boolean deleted, String failure) {
    }

    /**
     * A holder that could not be asked or did not answer: the call as a whole failed.
     *
     * @param code what failed, as the purge records it against each document ({@code holder UNAVAILABLE})
     */
    final class HolderFailure extends RuntimeException {

        private final String code;

        public HolderFailure(String code, String detail, Throwable cause) {
            super(detail, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
