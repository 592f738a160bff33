package fr.bilan.beneficiary.funding;

import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.consent.ConsentRepository;

/**
 * Fundings as they read now: the state from the agreement as it stands now, the agreement's id,
 * and whether HR may receive the synthèse.
 */
@Component
public class FundingViews {

    private final FundingAgreements agreements;
    private final ConsentRepository consents;

    FundingViews(FundingAgreements agreements, ConsentRepository consents) {
        this.agreements = agreements;
        this.consents = consents;
    }

    public FundingView of(Funding funding) {
        Optional<FundingAgreements.Current> agreement = funding.details().needsAgreement()
                ? agreements.of(funding.id()) : Optional.empty();
        boolean hrMayReceiveSynthesis = funding.details() instanceof FundingDetails.PublicSector publicSector
                && publicSector.hrMayReceiveSynthesis(consents.ledgerOf(funding.beneficiaryId()));
        return new FundingView(funding, agreement.map(FundingAgreements.Current::id),
                funding.state(agreement.map(FundingAgreements.Current::state)), hrMayReceiveSynthesis);
    }
}
