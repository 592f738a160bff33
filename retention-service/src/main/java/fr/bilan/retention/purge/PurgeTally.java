package fr.bilan.retention.purge;

import java.util.ArrayList;
import java.util.List;

import fr.bilan.retention.document.RegisteredDocument;

/**
 * What a run did so far: destroyed (or, in a dry run, would destroy), their bytes, failed (still
 * due), held by a legal hold. A dry run keeps the first documents it would destroy.
 */
final class PurgeTally {

    /** Documents a dry run lists at most (the counts go on). */
    static final int LISTED = 1000;

    private long destroyed;
    private long bytes;
    private long failed;
    private long held;
    private final List<RegisteredDocument> listed = new ArrayList<>();

    void addDestroyed(RegisteredDocument document) {
        destroyed++;
        bytes += document.sizeBytes();
        if (listed.size() < LISTED) {
            listed.add(document);
        }
    }

    void addFailed(long count) {
        failed += count;
    }

    void addHeld() {
        held++;
    }

    long destroyed() {
        return destroyed;
    }

    long bytes() {
        return bytes;
    }

    long failed() {
        return failed;
    }

    long held() {
        return held;
    }

    List<RegisteredDocument> listed() {
        return listed;
    }
}
