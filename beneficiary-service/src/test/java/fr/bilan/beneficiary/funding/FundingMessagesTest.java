package fr.bilan.beneficiary.funding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The top-up's financer between the contract and the domain, where "none named" is a value of its own. */
class FundingMessagesTest {

    @ParameterizedTest
    @EnumSource(fr.bilan.proto.beneficiary.v1.TopUpFunder.class)
    void eachFinancerOfTheContractHasItsDomainValueAndBack(fr.bilan.proto.beneficiary.v1.TopUpFunder contract) {
        TopUpFunder domain = FundingMessages.toTopUpFunder(contract);

        if (contract == fr.bilan.proto.beneficiary.v1.TopUpFunder.UNRECOGNIZED) {
            assertThat(domain).isNull();
        } else {
            assertThat(FundingMessages.toProto(domain)).isEqualTo(contract);
        }
    }

    @ParameterizedTest
    @EnumSource(TopUpFunder.class)
    void eachFinancerOfTheDomainIsInTheContract(TopUpFunder domain) {
        assertThat(FundingMessages.toTopUpFunder(FundingMessages.toProto(domain))).isEqualTo(domain);
    }
}
