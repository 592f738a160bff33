package fr.bilan.quality.bilan;

/** The kind of a funder, as a bilan's agreed funding names it or as a centre adds one. */
public enum FunderKind {
    EMPLOYER, OPCO, FRANCE_TRAVAIL, APEC, CAP_EMPLOI, PUBLIC_ADMINISTRATION, CAISSE_DES_DEPOTS, REGION, OTHER
}
