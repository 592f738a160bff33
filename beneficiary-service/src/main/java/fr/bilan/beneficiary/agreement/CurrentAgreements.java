package fr.bilan.beneficiary.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.funding.FundingAgreements;

/** Each funding's agreement as it stands now, read with its lapse applied. */
@Component
class CurrentAgreements implements FundingAgreements {

    private final AgreementRepository agreements;
    private final Clock clock;

    CurrentAgreements(AgreementRepository agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @Override
    public Optional<Current> of(String fundingId) {
        return agreements.findByFundingId(fundingId)
                .map(stored -> new Current(stored.id(), AgreementLifecycle.asOf(stored, clock.instant()).state()));
    }

    @Override
    public void fundingCancelled(String fundingId, Instant cancelTime) {
        agreements.recordFundingCancelled(fundingId, cancelTime);
    }
}
