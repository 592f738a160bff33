package fr.bilan.synthesis.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanState;

/** Who reads a synthèse (L6313-4): its beneficiary and its consultant, nobody else. */
class ReaderTest {

    private static final Bilan BILAN = new Bilan("bilan-1", "beneficiary-1", "centre-lyon", "consultant-1",
            BilanState.CONCLUSION, Map.of(), null);
    private static final String ACCOUNT = "account-of-beneficiary-1";

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("its consultant", caller("consultant-1", Role.CONSULTANT, "centre-lyon"), Reader.CONSULTANT),
                Arguments.of("its beneficiary's login", caller(ACCOUNT, Role.BENEFICIARY), Reader.BENEFICIARY),
                Arguments.of("its consultant, but not of this centre any more", caller("consultant-1", Role.CONSULTANT,
                        "centre-paris"), null),
                Arguments.of("another consultant of the centre", caller("consultant-2", Role.CONSULTANT, "centre-lyon"),
                        null),
                Arguments.of("the centre's manager", caller("manager-1", Role.CENTRE_MANAGER, "centre-lyon"), null),
                Arguments.of("another beneficiary", caller("account-of-someone-else", Role.BENEFICIARY), null),
                Arguments.of("the beneficiary's login without the role", caller(ACCOUNT, Role.CONSULTANT, "centre-lyon"),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void onlyTheBeneficiaryAndTheConsultantRead(String who, Caller caller, Reader expected) {
        if (expected == null) {
            assertThatThrownBy(() -> Reader.of(caller, BILAN, () -> ACCOUNT)).isInstanceOf(Forbidden.class)
                    .hasMessage("La synthèse n'est accessible qu'au bénéficiaire du bilan et à son consultant.");
        } else {
            assertThat(Reader.of(caller, BILAN, () -> ACCOUNT)).isEqualTo(expected);
        }
    }

    @Test
    void aBeneficiaryWithoutALoginIsReadByNobody() {
        assertThatThrownBy(() -> Reader.of(caller("", Role.BENEFICIARY), BILAN, () -> ""))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void theConsultantIsRecognisedWithoutAskingForTheBeneficiarysLogin() {
        AtomicInteger asked = new AtomicInteger();

        Reader.of(caller("consultant-1", Role.CONSULTANT, "centre-lyon"), BILAN, () -> {
            asked.incrementAndGet();
            return ACCOUNT;
        });

        assertThat(asked).hasValue(0);
    }

    @Test
    void theConsultantWritesTheTextAndTheBeneficiaryTheirObservations() {
        assertThat(Reader.CONSULTANT.requireConsultant()).isEqualTo(Reader.CONSULTANT);
        assertThat(Reader.BENEFICIARY.requireBeneficiary()).isEqualTo(Reader.BENEFICIARY);
        assertThatThrownBy(Reader.BENEFICIARY::requireConsultant).isInstanceOf(Forbidden.class)
                .hasMessage("Seul le consultant du bilan rédige la synthèse.");
        assertThatThrownBy(Reader.CONSULTANT::requireBeneficiary).isInstanceOf(Forbidden.class)
                .hasMessage("Seul le bénéficiaire écrit ses observations.");
    }

    private static Caller caller(String subject, Role role, String... centres) {
        return new Caller(subject, Set.of(AccessRules.realmRole(role)), Set.of(centres));
    }
}
