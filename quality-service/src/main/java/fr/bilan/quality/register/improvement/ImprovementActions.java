package fr.bilan.quality.register.improvement;

import java.util.List;
import java.util.Optional;

/** The centres' improvement actions as kept. */
public interface ImprovementActions {

    /**
     * Keeps {@code action} unless one was recorded by the same request already; answers the one kept
     * under that request: {@code action}, or the first.
     */
    ImprovementAction recordOnce(ImprovementAction action);

    /** The action of that centre with that id. */
    Optional<ImprovementAction> byId(String centreId, String id);

    /**
     * Replaces {@code previous} by {@code next} (its next version); {@code false}, changing nothing, when
     * the action changed since {@code previous} was read.
     */
    boolean replace(ImprovementAction previous, ImprovementAction next);

    /** A centre's actions, by due date. */
    List<ImprovementAction> ofCentre(String centreId);
}
