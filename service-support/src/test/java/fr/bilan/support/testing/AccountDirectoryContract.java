package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.identity.Account;
import fr.bilan.support.identity.AccountDirectory;

/**
 * What the platform's account directory answers about the repository realm's users, whoever serves
 * it: the real Keycloak, or {@link FakeKeycloakAdmin} in its place. A fake passes the same tests.
 */
public abstract class AccountDirectoryContract {

    /** The directory under test. */
    protected abstract AccountDirectory directory();

    /** The subject of a user of the realm file, by username. */
    protected abstract String subjectOf(String username) throws Exception;

    private Account account(String username) throws Exception {
        String subject = subjectOf(username);
        return directory().find(subject).orElseThrow(() -> new AssertionError(username + " not found"));
    }

    @Test
    void aConsultantHasTheConsultantRoleAndTheirCentre() throws Exception {
        Account consultant = account("consultant");

        assertThat(consultant.subject()).isEqualTo(subjectOf("consultant"));
        assertThat(consultant.roles()).contains("consultant").doesNotContain("centre-manager", "beneficiary");
        assertThat(consultant.centres()).containsExactly("centre-lyon");
        assertThat(consultant.isStaff()).isTrue();
    }

    @Test
    void aLoginCarriesItsAddressAndNamesAndAServiceAccountHasNone() throws Exception {
        Account consultant = account("consultant");

        assertThat(consultant.email()).isEqualTo("consultant@demo.bilan.local");
        assertThat(consultant.givenName()).isEqualTo("Claire");
        assertThat(consultant.familyName()).isEqualTo("Dubois");
        assertThat(account("service-account-bilan-services").email()).isNull();
    }

    @Test
    void aBeneficiaryIsNoStaff() throws Exception {
        Account beneficiary = account("beneficiary");

        assertThat(beneficiary.roles()).contains("beneficiary");
        assertThat(beneficiary.isStaff()).isFalse();
    }

    @Test
    void managersAuditorsAndNetworkAdministratorsAreStaff() throws Exception {
        assertThat(account("manager").roles()).contains("centre-manager");
        assertThat(account("manager").centres()).containsExactly("centre-lyon");
        assertThat(account("auditor").isStaff()).isTrue();
        assertThat(account("netadmin").roles()).contains("network-admin");
        assertThat(account("netadmin").centres()).isEmpty();
    }

    @Test
    void theServicesOwnAccountIsStaffToo() throws Exception {
        assertThat(account("service-account-bilan-services").roles()).contains("platform-service");
        assertThat(account("service-account-bilan-services").isStaff()).isTrue();
    }

    static List<String> unknownSubjects() {
        return List.of("3f0c6d1e-0000-4000-8000-000000000000", "nobody", "../users", "a/b", "a?b=c", "", "a\u0000b",
                "x".repeat(65));
    }

    @ParameterizedTest
    @MethodSource("unknownSubjects")
    void aSubjectTheProviderDoesNotKnowIsNobody(String subject) {
        assertThat(directory().find(subject)).isEmpty();
    }
}
