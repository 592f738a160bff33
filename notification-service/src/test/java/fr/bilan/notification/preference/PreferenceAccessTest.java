package fr.bilan.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.support.security.Caller;

/** Who may read and change a beneficiary's choices: the person, their consultants, their centre's managers. */
class PreferenceAccessTest {

    static final CareTeam TEAM = new CareTeam("centre-lyon", "account-b1", List.of("k1", "k2"));

    @ParameterizedTest(name = "{0} {1} of {2}: {3}")
    @CsvSource({
        "account-b1, beneficiary,    '',          true",
        "account-xx, beneficiary,    '',          false",
        "k1,         consultant,     centre-lyon, true",
        "k3,         consultant,     centre-lyon, false",
        "k1,         consultant,     centre-paris,false",
        "m1,         centre-manager, centre-lyon, true",
        "m1,         centre-manager, centre-paris,false",
        "a1,         auditor,        centre-lyon, false",
        "n1,         network-admin,  centre-lyon, false",
        "account-b1, consultant,     '',          false" })
    void whoMay(String subject, String role, String centre, boolean allowed) {
        Caller caller = new Caller(subject, Set.of(role), centre.isEmpty() ? Set.of() : Set.of(centre));

        assertThat(PreferenceAccess.allowed(caller, TEAM)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "a beneficiary without a linked login: {0} refused")
    @CsvSource({ "''", "account-b1" })
    void noLinkedLoginNoAccessAsTheBeneficiary(String subject) {
        CareTeam unlinked = new CareTeam("centre-lyon", "", List.of());

        assertThat(PreferenceAccess.allowed(new Caller(subject, Set.of("beneficiary"), Set.of()), unlinked)).isFalse();
    }
}
