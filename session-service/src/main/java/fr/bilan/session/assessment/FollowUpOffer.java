package fr.bilan.session.assessment;

import java.time.LocalDate;

/**
 * When the follow-up interview is offered: about six months after the end of the action, in
 * practice up to a year (R6313-4 3° c), as each centre sets it.
 */
public record FollowUpOffer(int monthsAfterEnd) {

    public FollowUpOffer {
        if (monthsAfterEnd < 6 || monthsAfterEnd > 12) {
            throw new IllegalArgumentException("the follow-up interview comes 6 to 12 months after the end of the action, not "
                    + monthsAfterEnd);
        }
    }

    /** The day it is offered for, from the day the action ended. */
    public LocalDate dueDate(LocalDate actionEnd) {
        return actionEnd.plusMonths(monthsAfterEnd);
    }
}
