package fr.bilan.synthesis.rendering;

import java.util.List;

/**
 * Thrown when the centre's identity is not configured well enough to print a legal document; the
 * message, in French, is meant for the consultant.
 */
public class CentreIdentityMissing extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String centreId;
    private final transient List<String> missing;

    /**
     * @param centreId the centre whose identity is incomplete
     * @param missing what is missing, in French ("le nom du centre", …), in print order
     */
    public CentreIdentityMissing(String centreId, List<String> missing) {
        super("Impossible d'imprimer ce document : l'identité du centre n'est pas complète (il manque "
                + French.enumeration(missing) + "). Demandez à l'administrateur du réseau de la renseigner.");
        this.centreId = centreId;
        this.missing = List.copyOf(missing);
    }

    /** The centre whose identity is incomplete. */
    public String centreId() {
        return centreId;
    }

    /** What is missing, in French. */
    public List<String> missing() {
        return missing;
    }
}
