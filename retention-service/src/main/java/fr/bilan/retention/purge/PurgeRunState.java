package fr.bilan.retention.purge;

/** Where a purge run is (stored by name). */
public enum PurgeRunState {
    RUNNING,
    /** Every due document was taken up (some may have failed). */
    SUCCEEDED,
    /** Stopped by an error or a crash; what it did not destroy stays due. */
    FAILED
}
