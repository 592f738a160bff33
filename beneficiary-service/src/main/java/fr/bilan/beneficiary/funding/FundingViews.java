package fr.bilan.beneficiary.funding;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.agreement.Agreement;
import fr.bilan.beneficiary.agreement.AgreementLifecycle;
import fr.bilan.beneficiary.agreement.AgreementRepository;
import fr.bilan.beneficiary.consent.ConsentRepository;

/**
 * Fundings as the contract shows them, with what is derived when read: the state from the
 * agreement as it stands now, the agreement's id, and whether HR may receive the synthèse.
 */
@Component
class FundingViews {

    private final AgreementRepository agreements;
    private final ConsentRepository consents;
    private final Clock clock;

    FundingViews(AgreementRepository agreements, ConsentRepository consents, Clock clock) {
        this.agreements = agreements;
        this.consents = consents;
        this.clock = clock;
    }

    fr.bilan.proto.beneficiary.v1.Funding toProto(Funding funding) {
        Optional<Agreement> agreement = funding.details().needsAgreement()
                ? agreements.findByFundingId(funding.id()) : Optional.empty();
        boolean hrMayReceiveSynthesis = funding.details() instanceof FundingDetails.PublicSector publicSector
                && publicSector.hrMayReceiveSynthesis(consents.ledgerOf(funding.beneficiaryId()));
        return FundingMessages.toProto(funding, agreement.map(Agreement::id),
                agreement.map(stored -> AgreementLifecycle.asOf(stored, clock.instant()).state()),
                hrMayReceiveSynthesis);
    }
}
