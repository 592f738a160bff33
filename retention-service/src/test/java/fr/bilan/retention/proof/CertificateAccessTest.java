package fr.bilan.retention.proof;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/** Who reads centre-a's destruction certificates, as a table, without gRPC. */
class CertificateAccessTest {

    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource({
            "AUDITOR,          centre-a, true",
            "CENTRE_MANAGER,   centre-a, true",
            "NETWORK_ADMIN,    ,         true",
            "AUDITOR,          centre-b, false",
            "CENTRE_MANAGER,   centre-b, false",
            "CONSULTANT,       centre-a, false",
            "BENEFICIARY,      centre-a, false",
            "PLATFORM_SERVICE, centre-a, false"})
    void auditorsAndManagersReadTheirCentresNetworkAdministratorsEvery(Role role, String member, boolean reads) {
        Caller caller = new Caller("someone", Set.of(AccessRules.realmRole(role)),
                member == null ? Set.of() : Set.of(member));
        if (reads) {
            assertThatCode(() -> CertificateAccess.checkReader(caller, "centre-a")).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CertificateAccess.checkReader(caller, "centre-a")).isInstanceOf(Forbidden.class)
                    .hasMessage("Vous n'avez accès qu'aux certificats de destruction de vos centres : ce centre n'en "
                            + "fait pas partie.");
        }
    }
}
