package fr.bilan.synthesis.rendering;

/** Finds the identity to print for a centre. */
@FunctionalInterface
public interface CentreIdentities {

    /** The centre's identity, possibly incomplete; {@link CentreIdentity#NONE} for an unknown centre. */
    CentreIdentity of(String centreId);
}
