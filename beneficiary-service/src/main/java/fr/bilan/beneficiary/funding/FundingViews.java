package fr.bilan.beneficiary.funding;

import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.consent.ConsentRepository;

/**
 * Fundings as the contract shows them, with what is derived when read: the state from the
 * agreement as it stands now, the agreement's id, and whether HR may receive the synthèse.
 */
@Component
public class FundingViews {

    private final FundingAgreements agreements;
    private final ConsentRepository consents;

    FundingViews(FundingAgreements agreements, ConsentRepository consents) {
        this.agreements = agreements;
        this.consents = consents;
    }

    public fr.bilan.proto.beneficiary.v1.Funding toProto(Funding funding) {
        Optional<FundingAgreements.Current> agreement = funding.details().needsAgreement()
                ? agreements.of(funding.id()) : Optional.empty();
        boolean hrMayReceiveSynthesis = funding.details() instanceof FundingDetails.PublicSector publicSector
                && publicSector.hrMayReceiveSynthesis(consents.ledgerOf(funding.beneficiaryId()));
        return FundingMessages.toProto(funding, agreement.map(FundingAgreements.Current::id),
                agreement.map(FundingAgreements.Current::state), hrMayReceiveSynthesis);
    }
}
