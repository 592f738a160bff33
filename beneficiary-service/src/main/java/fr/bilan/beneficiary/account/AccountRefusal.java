package fr.bilan.beneficiary.account;

/**
 * A rule about logins refuses what was asked (linking a login to a beneficiary, assigning a
 * consultant); the message, in French, says which and why. The gRPC edge answers it as
 * {@code FAILED_PRECONDITION}.
 */
public class AccountRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountRefusal(String frenchReason) {
        super(frenchReason);
    }
}
