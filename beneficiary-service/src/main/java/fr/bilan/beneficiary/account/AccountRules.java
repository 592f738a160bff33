package fr.bilan.beneficiary.account;

import java.util.Optional;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.identity.Account;

/**
 * Which logins the platform takes where, decided on what the identity provider says of them now:
 * a beneficiary's record is linked only to a beneficiary's own login, never to a staff member's
 * (whose roles would reach other people's data through it); a bilan is followed only by an existing
 * consultant of the beneficiary's centre (anyone else would orphan it: neither the old nor the new
 * consultant could open it).
 */
public final class AccountRules {

    private AccountRules() {
    }

    /** Refuses linking {@code subject}, as {@code account} describes it, to a beneficiary's record. */
    public static void checkLinkable(String subject, Optional<Account> account) {
        if (account.isEmpty()) {
            throw new AccountRefusal("Aucun compte de connexion n'a l'identifiant « " + subject + " » : liez le "
                    + "compte que le bénéficiaire utilise pour se connecter.");
        }
        if (account.get().isStaff()) {
            throw new AccountRefusal("Ce compte de connexion est celui d'un membre du personnel ou d'un service de la "
                    + "plateforme : il ne peut pas être lié à un bénéficiaire.");
        }
        if (!account.get().hasRole(Role.BENEFICIARY)) {
            throw new AccountRefusal("Ce compte de connexion n'a pas le rôle de bénéficiaire : demandez à "
                    + "l'administration du réseau de le lui donner avant de le lier.");
        }
    }

    /** Refuses assigning {@code subject}, as {@code account} describes it, to a beneficiary of {@code centreId}. */
    public static void checkAssignable(String subject, String centreId, Optional<Account> account) {
        boolean consultantOfCentre = account.filter(found -> found.hasRole(Role.CONSULTANT))
                .filter(found -> found.centres().contains(centreId)).isPresent();
        if (!consultantOfCentre) {
            throw new AccountRefusal("« " + subject + " » n'est pas un consultant du centre " + centreId + " : seul "
                    + "un consultant de ce centre peut suivre ce bénéficiaire.");
        }
    }

    /** The login is linked to another beneficiary of the centre already: one beneficiary per centre. */
    public static AccountRefusal linkedElsewhere() {
        return new AccountRefusal("Ce compte de connexion est déjà lié à un autre bénéficiaire de ce centre : un "
                + "compte ne sert qu'à un bénéficiaire par centre.");
    }
}
