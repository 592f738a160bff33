package fr.bilan.notification.preference;

import java.util.List;
import java.util.Objects;

/**
 * Who looks after a beneficiary, as beneficiary-service says when asked (never kept here).
 *
 * @param accountId     their own login, empty when none is linked
 * @param consultantIds the consultants assigned to them
 */
public record CareTeam(String centreId, String accountId, List<String> consultantIds) {

    public CareTeam {
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(accountId);
        consultantIds = List.copyOf(consultantIds);
    }
}
