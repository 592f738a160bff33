package fr.bilan.quality.bilan;

/** Where a bilan stands, for the quality loop: under way, completed, or one of the side exits (a drop-out). */
public enum Outcome {
    IN_PROGRESS,
    COMPLETED,
    WITHDRAWN,
    ABANDONED,
    INTERRUPTED;

    /** Whether the action has ended, completed or not. */
    public boolean ended() {
        return this != IN_PROGRESS;
    }

    /** Whether the bilan ended without being completed (Qualiopi's indicator 12). */
    public boolean dropOut() {
        return this == WITHDRAWN || this == ABANDONED || this == INTERRUPTED;
    }
}
