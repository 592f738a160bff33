package fr.bilan.quality.results;

import java.util.Set;

import fr.bilan.support.refusal.Forbidden;

/**
 * Whose results a caller reaches (or publishes): the network's and every centre's, or only those of the
 * centres they manage.
 *
 * @param wholeNetwork whether the network and every centre are reached
 * @param centres      the centres reached otherwise
 */
public record Audience(boolean wholeNetwork, Set<String> centres) {

    public Audience {
        centres = Set.copyOf(centres);
    }

    /** Refuses a centre (or, when empty, the network) the caller does not reach. */
    public void check(String centreId) {
        if (wholeNetwork) {
            return;
        }
        if (centreId.isEmpty()) {
            throw new Forbidden("Seuls l'administration du réseau et les auditeurs accèdent aux résultats du réseau : "
                    + "indiquez l'un de vos centres.");
        }
        if (!centres.contains(centreId)) {
            throw new Forbidden("Vous n'accédez qu'aux résultats de vos centres : ce centre n'en fait pas partie.");
        }
    }
}
