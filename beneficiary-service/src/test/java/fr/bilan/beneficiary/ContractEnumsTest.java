package fr.bilan.beneficiary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each domain enum the mappers convert by name, against its contract enum: every domain constant
 * has its contract constant, and every contract constant but "not given" has its domain constant.
 */
class ContractEnumsTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(fr.bilan.beneficiary.funding.AgreementState.class,
                        fr.bilan.proto.beneficiary.v1.AgreementState.class),
                Arguments.of(fr.bilan.beneficiary.agreement.AgreementParty.class,
                        fr.bilan.proto.beneficiary.v1.AgreementParty.class),
                Arguments.of(EvidenceMethod.class, fr.bilan.proto.beneficiary.v1.EvidenceMethod.class),
                Arguments.of(fr.bilan.beneficiary.funding.FundingType.class,
                        fr.bilan.proto.beneficiary.v1.FundingType.class),
                Arguments.of(fr.bilan.beneficiary.funding.FundingState.class,
                        fr.bilan.proto.beneficiary.v1.FundingState.class),
                Arguments.of(fr.bilan.beneficiary.funding.JobSeekerApprover.class,
                        fr.bilan.proto.beneficiary.v1.JobSeekerApprover.class),
                Arguments.of(fr.bilan.beneficiary.consent.ConsentKind.class,
                        fr.bilan.proto.beneficiary.v1.ConsentKind.class),
                Arguments.of(fr.bilan.beneficiary.consent.ConsentDecision.class,
                        fr.bilan.proto.beneficiary.v1.ConsentDecision.class),
                Arguments.of(fr.bilan.beneficiary.consent.RecipientKind.class,
                        fr.bilan.proto.beneficiary.v1.RecipientKind.class),
                Arguments.of(fr.bilan.beneficiary.privacy.ErasureOutcome.class,
                        fr.bilan.proto.beneficiary.v1.ErasureOutcome.class),
                Arguments.of(fr.bilan.beneficiary.profile.EmploymentStatus.class,
                        fr.bilan.proto.beneficiary.v1.EmploymentStatus.class),
                Arguments.of(fr.bilan.beneficiary.cpf.CpfState.class,
                        fr.bilan.proto.beneficiary.v1.CpfDossierState.class),
                Arguments.of(fr.bilan.beneficiary.cpf.DeadlineAction.class,
                        fr.bilan.proto.beneficiary.v1.CpfDeadlineAction.class),
                Arguments.of(fr.bilan.beneficiary.cpf.DeadlineOwner.class,
                        fr.bilan.proto.beneficiary.v1.CpfDeadlineOwner.class),
                Arguments.of(fr.bilan.beneficiary.cpf.StepSource.class,
                        fr.bilan.proto.beneficiary.v1.CpfStepSource.class),
                Arguments.of(fr.bilan.beneficiary.cpf.PartialReason.class,
                        fr.bilan.proto.beneficiary.v1.CpfPartialReason.class),
                Arguments.of(fr.bilan.beneficiary.cpf.BilanOutcome.class,
                        fr.bilan.proto.beneficiary.internal.v1.BilanOutcome.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    <D extends Enum<D>, P extends Enum<P>> void everyConstantHasItsCounterpart(Class<D> domain, Class<P> contract) {
        for (D value : domain.getEnumConstants()) {
            assertThat(ContractEnums.toDomain(domain, ContractEnums.toContract(contract, value))).isEqualTo(value);
        }
        long given = Arrays.stream(contract.getEnumConstants())
                .filter(value -> ContractEnums.toDomain(domain, value) != null).count();
        assertThat(given).isEqualTo(domain.getEnumConstants().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    <D extends Enum<D>, P extends Enum<P>> void notGivenIsNull(Class<D> domain, Class<P> contract) {
        assertThat(ContractEnums.toDomain(domain, contract.getEnumConstants()[0])).isNull();
        assertThat(ContractEnums.toDomain(domain, Enum.valueOf(contract, "UNRECOGNIZED"))).isNull();
    }
}
