package fr.bilan.quality.funder;

/** Where a funder came from: the agreed funding of a bilan of the year, or the centre's managers. */
public enum FunderOrigin {
    FROM_BILANS,
    ADDED_BY_HAND
}
