package fr.bilan.quality.register.improvement;

/** Where an improvement action comes from; named as the contract names them, and so stored. */
public enum ImprovementOrigin {
    /** A complaint of the centre: the origin's id is its id. */
    COMPLAINT,
    SURVEY,
    AUDIT,
    OTHER_ORIGIN
}
