package fr.bilan.quality.register.improvement;

import java.time.LocalDate;

import fr.bilan.quality.register.RegisterFields;

/** An improvement action as a manager records it, not yet checked: {@code null} (or empty) where nothing was given. */
public record NewImprovementAction(String centreId, String title, ImprovementOrigin origin, String originId, String owner,
        LocalDate dueDate) {

    public NewImprovementAction {
        title = RegisterFields.stripped(title);
        originId = RegisterFields.stripped(originId);
        owner = RegisterFields.stripped(owner);
    }
}
