package fr.bilan.notification.recipient;

import java.util.List;
import java.util.Objects;

/**
 * How to reach a beneficiary and who looks after them, as beneficiary-service says now.
 *
 * @param email         their e-mail address, empty when none is known
 * @param accountId     their own login, empty when none is linked
 * @param consultantIds the consultants assigned to them
 */
public record BeneficiaryContact(String beneficiaryId, String centreId, String givenName, String familyName, String email,
        String accountId, List<String> consultantIds) {

    public BeneficiaryContact {
        Objects.requireNonNull(beneficiaryId);
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(givenName);
        Objects.requireNonNull(familyName);
        Objects.requireNonNull(email);
        Objects.requireNonNull(accountId);
        consultantIds = List.copyOf(consultantIds);
    }
}
