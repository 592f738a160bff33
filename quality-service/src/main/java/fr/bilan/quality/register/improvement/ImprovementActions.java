package fr.bilan.quality.register.improvement;

import java.util.List;

import fr.bilan.quality.register.RegisterRecords;

/** The centres' improvement actions as kept. */
public interface ImprovementActions extends RegisterRecords<ImprovementAction> {

    /** A centre's actions, by due date. */
    List<ImprovementAction> ofCentre(String centreId);
}
