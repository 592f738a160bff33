package fr.bilan.beneficiary.funding;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.profile.Beneficiary;

/**
 * Records how a beneficiary's bilan is paid for: the funding asked for, checked by the rules of its
 * type ({@link NewFunding}) against the beneficiary's situation and earlier fundings, then stored.
 * The CPF co-payment is the one in force on the day it is recorded, in Paris.
 */
@Component
@EnableConfigurationProperties(CoPaymentSettings.class)
public class FundingRegistration {

    private final FundingRepository fundings;
    private final FundingAgreements agreements;
    private final Clock clock;
    private final CoPaymentSchedule cpfCoPayments;
    private final List<FundingOpening> openings;

    FundingRegistration(FundingRepository fundings, FundingAgreements agreements, Clock clock,
            CoPaymentSettings coPayments, List<FundingOpening> openings) {
        this.fundings = fundings;
        this.agreements = agreements;
        this.clock = clock;
        this.cpfCoPayments = coPayments.schedule();
        this.openings = List.copyOf(openings);
    }

    /**
     * The funding recorded, with what opens with it ({@link FundingOpening}); a retry (same
     * {@code requestKey}) is answered with its first, whatever happened to it since, and opens what
     * a failure left unopened.
     */
    public Funding register(Beneficiary beneficiary, NewFunding requested, String requestKey, String recordedBy) {
        Funding registered = fundings.findByRequestKey(requestKey).orElseGet(() -> {
            NewFunding funding = requested.validate(beneficiary.profile().employmentStatus(),
                    fundings.listByBeneficiary(beneficiary.id()), France.today(clock), cpfCoPayments);
            return fundings.create(beneficiary.id(), beneficiary.profile().centreId(), funding, requestKey,
                    clock.instant());
        });
        openings.forEach(opening -> opening.opened(registered, recordedBy));
        return registered;
    }

    /**
     * Cancels the funding, which frees its beneficiary for another, then tells its agreement; one
     * already cancelled stays as it is, and its agreement is told again (a retry after a failure in
     * between completes the cancellation).
     */
    public Funding cancel(Funding funding) {
        Funding cancelled = fundings.cancel(funding.id(), clock.instant());
        agreements.fundingCancelled(cancelled.id(), cancelled.cancelTime());
        return cancelled;
    }
}
