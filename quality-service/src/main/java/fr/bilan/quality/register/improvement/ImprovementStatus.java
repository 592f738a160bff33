package fr.bilan.quality.register.improvement;

/** Where an improvement action stands, in the only order it moves in. */
public enum ImprovementStatus {
    OPEN,
    IN_PROGRESS,
    DONE
}
