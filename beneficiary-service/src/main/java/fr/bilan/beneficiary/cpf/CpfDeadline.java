package fr.bilan.beneficiary.cpf;

import java.time.LocalDate;

import fr.bilan.beneficiary.France;

/**
 * A deadline running on a dossier.
 *
 * @param dueDate the last working day to act on, in the centre's calendar
 */
public record CpfDeadline(DeadlineAction action, DeadlineOwner owner, LocalDate dueDate) {

    /** Whether the day is past. */
    public boolean overdue(LocalDate today) {
        return today.isAfter(dueDate);
    }

    /** In French, ready to show. */
    public String label() {
        return action.label() + " au plus tard le " + France.date(dueDate);
    }
}
