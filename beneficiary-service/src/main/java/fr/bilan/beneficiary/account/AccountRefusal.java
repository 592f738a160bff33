package fr.bilan.beneficiary.account;

import fr.bilan.support.refusal.RuleRefusal;

/**
 * A rule about logins refuses what was asked (linking a login to a beneficiary, assigning a
 * consultant); the message, in French, says which and why. A rule's refusal like any other
 * ({@code FAILED_PRECONDITION}, mapped once by service-support).
 */
public class AccountRefusal extends RuleRefusal {

    private static final long serialVersionUID = 1L;

    public AccountRefusal(String frenchReason) {
        super(frenchReason);
    }
}
