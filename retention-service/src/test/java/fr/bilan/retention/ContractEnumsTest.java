package fr.bilan.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.retention.document.DestructionState;
import fr.bilan.retention.purge.PurgeRunState;
import fr.bilan.retention.purge.PurgeTrigger;
import fr.bilan.retention.rules.ConsentDecision;
import fr.bilan.retention.rules.ConsentKind;
import fr.bilan.retention.rules.DocumentKind;
import fr.bilan.retention.rules.RecipientKind;

/**
 * The domain's enums are the contract's, less its unspecified value: the edge maps them by name, so a
 * value added to the contract (a new kind of document, of consent) fails here until the domain has it.
 */
class ContractEnumsTest {

    static Stream<Arguments> domainAndContract() {
        return Stream.of(
                Arguments.of(DocumentKind.class, fr.bilan.proto.retention.v1.DocumentKind.class),
                Arguments.of(DestructionState.class, fr.bilan.proto.retention.v1.DestructionState.class),
                Arguments.of(PurgeTrigger.class, fr.bilan.proto.retention.v1.PurgeTrigger.class),
                Arguments.of(PurgeRunState.class, fr.bilan.proto.retention.v1.PurgeRunState.class),
                Arguments.of(ConsentKind.class, fr.bilan.proto.beneficiary.v1.ConsentKind.class),
                Arguments.of(ConsentDecision.class, fr.bilan.proto.beneficiary.v1.ConsentDecision.class),
                Arguments.of(RecipientKind.class, fr.bilan.proto.beneficiary.v1.RecipientKind.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainAndContract")
    void theDomainNamesEveryValueTheContractDefines(Class<? extends Enum<?>> domain, Class<? extends Enum<?>> contract) {
        assertThat(names(domain)).containsExactlyElementsOf(names(contract)
                .filter(name -> !name.endsWith("_UNSPECIFIED") && !name.equals("UNRECOGNIZED")).toList());
    }

    private static Stream<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name);
    }
}
