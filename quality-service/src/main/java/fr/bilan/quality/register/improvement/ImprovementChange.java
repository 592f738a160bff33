package fr.bilan.quality.register.improvement;

import java.time.LocalDate;

import fr.bilan.quality.register.RegisterFields;

/**
 * What a manager changes of an improvement action: {@code null} (or an empty owner) for what stays.
 *
 * @param doneDate the day it was done, with status DONE only (none: today)
 */
public record ImprovementChange(ImprovementStatus status, String owner, LocalDate dueDate, LocalDate doneDate) {

    public ImprovementChange {
        owner = RegisterFields.stripped(owner);
    }
}
