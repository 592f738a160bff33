package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;

/** Who opens a bilan, and which bilans a caller lists: the access rules as tables, without gRPC. */
class AssessmentAccessTest {

    /**
     * A caller (login, roles, centres) opening a bilan in centre-lyon for a consultant: allowed, or
     * refused.
     */
    @ParameterizedTest(name = "{0} {1} in {2} opens for {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            consultant-1 | CONSULTANT                 | centre-lyon             | consultant-1 | true
            consultant-1 | CONSULTANT                 | centre-lyon             | consultant-2 | false
            consultant-1 | CONSULTANT                 | centre-paris            | consultant-1 | false
            manager-1    | CENTRE_MANAGER             | centre-lyon             | consultant-2 | true
            manager-1    | CENTRE_MANAGER             | centre-paris            | consultant-2 | false
            manager-1    | CENTRE_MANAGER CONSULTANT  | centre-paris centre-lyon | manager-1   | true
            auditor-1    | AUDITOR                    | centre-lyon             | auditor-1    | false
            account-1    | BENEFICIARY                | centre-lyon             | account-1    | false
            """)
    void whoOpensABilan(String subject, String roles, String centres, String consultantId, boolean allowed) {
        Caller caller = caller(subject, roles, centres);

        if (allowed) {
            assertThatCode(() -> AssessmentAccess.checkOpen(caller, "centre-lyon", consultantId))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AssessmentAccess.checkOpen(caller, "centre-lyon", consultantId))
                    .isInstanceOf(Forbidden.class).hasMessage("Un consultant ouvre un bilan pour lui-même ; un "
                            + "responsable du centre du bénéficiaire peut l'ouvrir pour un autre consultant.");
        }
    }

    /**
     * A caller listing bilans, in the centre they ask for (none: all of theirs): the centres listed,
     * the consultant and the login they are restricted to (« - »: none), or refused.
     */
    @ParameterizedTest(name = "{0} {1} in [{2}] asks [{3}]: centres [{4}] consultant {5} account {6}")
    @CsvSource(delimiter = '|', textBlock = """
            manager-1    | CENTRE_MANAGER            | centre-lyon centre-paris | ''           | centre-lyon centre-paris | -            | -
            manager-1    | CENTRE_MANAGER            | centre-lyon centre-paris | centre-paris | centre-paris             | -            | -
            manager-1    | CENTRE_MANAGER CONSULTANT | centre-lyon              | ''           | centre-lyon              | -            | -
            consultant-1 | CONSULTANT                | centre-lyon              | ''           | centre-lyon              | consultant-1 | -
            consultant-1 | CONSULTANT                | centre-lyon              | centre-lyon  | centre-lyon              | consultant-1 | -
            account-1    | BENEFICIARY               | ''                       | ''           | ''                       | -            | account-1
            consultant-1 | CONSULTANT                | centre-lyon              | centre-paris | REFUSED                  | -            | -
            account-1    | BENEFICIARY               | ''                       | centre-lyon  | REFUSED                  | -            | -
            """)
    void whichBilansACallerLists(String subject, String roles, String centres, String asked, String listed,
            String consultant, String account) {
        Caller caller = caller(subject, roles, centres);
        List<AssessmentState> states = List.of(AssessmentState.PRELIMINARY);

        if (listed.equals("REFUSED")) {
            assertThatThrownBy(() -> AssessmentScope.of(caller, asked, states)).isInstanceOf(Forbidden.class)
                    .hasMessage("Vous n'avez accès qu'aux bilans de vos centres.");
            return;
        }
        assertThat(AssessmentScope.of(caller, asked, states)).isEqualTo(new AssessmentScope(words(listed),
                Optional.of(consultant).filter(id -> !id.equals("-")), Optional.of(account).filter(id -> !id.equals("-")),
                states));
    }

    private static Caller caller(String subject, String roles, String centres) {
        return new Caller(subject, words(roles).stream().map(role -> AccessRules.realmRole(Role.valueOf(role)))
                .collect(Collectors.toSet()), words(centres));
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split(" ")).filter(word -> !word.isBlank()).collect(Collectors.toSet());
    }
}
