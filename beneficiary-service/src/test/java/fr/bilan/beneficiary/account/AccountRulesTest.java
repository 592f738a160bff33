package fr.bilan.beneficiary.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.identity.Account;

/** Which logins may be linked to a beneficiary, and who may follow one: the table of the rules. */
class AccountRulesTest {

    private static Optional<Account> account(String roles, String centres) {
        if (roles.equals("(none)")) {
            return Optional.empty();
        }
        return Optional.of(new Account("subject", roles.isBlank() ? Set.of() : Set.of(roles.split(" ")),
                centres.isBlank() ? Set.of() : Set.of(centres.split(" "))));
    }

    @ParameterizedTest(name = "roles [{0}] → linkable: {1}")
    @CsvSource({
            "beneficiary, true, ",
            "beneficiary offline_access, true, ",
            "(none), false, Aucun compte de connexion",
            "'', false, rôle de bénéficiaire",
            "offline_access, false, rôle de bénéficiaire",
            "consultant, false, membre du personnel",
            "beneficiary consultant, false, membre du personnel",
            "beneficiary centre-manager, false, membre du personnel",
            "auditor, false, membre du personnel",
            "network-admin, false, membre du personnel",
            "platform-service, false, membre du personnel"
    })
    void linksOnlyABeneficiarysOwnLogin(String roles, boolean linkable, String reason) {
        if (linkable) {
            assertThatCode(() -> AccountRules.checkLinkable("subject", account(roles, ""))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccountRules.checkLinkable("subject", account(roles, "")))
                    .isInstanceOf(AccountRefusal.class).hasMessageContaining(reason);
        }
    }

    @ParameterizedTest(name = "roles [{0}] in [{1}] → assignable in centre-lyon: {2}")
    @CsvSource({
            "consultant, centre-lyon, true",
            "consultant, centre-paris centre-lyon, true",
            "consultant centre-manager, centre-lyon, true",
            "consultant, centre-paris, false",
            "consultant, '', false",
            "centre-manager, centre-lyon, false",
            "beneficiary, centre-lyon, false",
            "auditor, centre-lyon, false",
            "(none), centre-lyon, false"
    })
    void assignsOnlyAnExistingConsultantOfTheCentre(String roles, String centres, boolean assignable) {
        if (assignable) {
            assertThatCode(() -> AccountRules.checkAssignable("subject", "centre-lyon", account(roles, centres)))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccountRules.checkAssignable("subject", "centre-lyon", account(roles, centres)))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessage("« subject » n'est pas un consultant du centre centre-lyon : seul un consultant de ce "
                            + "centre peut suivre ce bénéficiaire.");
        }
    }
}
