package fr.bilan.beneficiary.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingRepository;
import fr.bilan.support.resources.Etags;

/**
 * Every change to a tripartite agreement, one operation each: reads what the change depends on,
 * lets {@link AgreementLifecycle} decide, writes the result over the version read. The caller's
 * right to make the change is checked before (the gRPC edge, with BeneficiaryAccess).
 */
@Component
public class AgreementChanges {

    private final AgreementRepository agreements;
    private final FundingRepository fundings;
    private final Clock clock;

    AgreementChanges(AgreementRepository agreements, FundingRepository fundings, Clock clock) {
        this.agreements = agreements;
        this.fundings = fundings;
        this.clock = clock;
    }

    /**
     * The draft of {@code funding}'s agreement; a retry (same {@code requestKey}) is answered with
     * its first draft, whatever happened to it since.
     */
    public Agreement create(Funding funding, String centreId, AgreementMentions requested, String requestKey) {
        return agreements.findByRequestKey(requestKey).orElseGet(() -> agreements.create(funding, centreId,
                AgreementLifecycle.draft(funding, requested), requestKey, clock.instant()));
    }

    /** New mentions for a draft, over the version {@code etag} names (the one read when empty). */
    public Agreement update(Agreement current, String etag, AgreementUpdate update) {
        checkEtag(etag, current);
        return agreements.save(AgreementLifecycle.update(current, fundingOf(current),
                update.applyTo(current.mentions()), clock.instant()), current);
    }

    /** Records that the employee received the draft on {@code receiveDate} (today when {@code null}). */
    public Agreement send(Agreement current, String etag, LocalDate receiveDate) {
        checkEtag(etag, current);
        return agreements.save(AgreementLifecycle.send(current, fundingOf(current), receiveDate, clock.instant()),
                current);
    }

    /**
     * Records a party's signature, given by {@code method} with its evidence, as recorded by
     * {@code recordedBy}.
     *
     * @param byTheEmployee whether the employee records it themself
     */
    public Agreement sign(Agreement current, String etag, AgreementParty party, EvidenceMethod method,
            String evidenceSha256, String recordedBy, boolean byTheEmployee) {
        Instant now = clock.instant();
        checkEtag(etag, current);
        Signature signature = new Signature(party, method, evidenceSha256, recordedBy, now);
        return agreements.save(AgreementLifecycle.sign(lapsedIfOverdue(current, now), fundingOf(current), signature,
                byTheEmployee, now), current);
    }

    /** Records the employee's refusal, given by {@code method} with its evidence. */
    public Agreement refuse(Agreement current, EvidenceMethod method, String evidenceSha256, String recordedBy,
            boolean byTheEmployee) {
        Instant now = clock.instant();
        Signature refusal = new Signature(AgreementParty.EMPLOYEE, method, evidenceSha256, recordedBy, now);
        return agreements.save(AgreementLifecycle.refuse(lapsedIfOverdue(current, now), refusal, byTheEmployee, now),
                current);
    }

    /**
     * A change decided on an older reading than {@code current} is refused before the rules are
     * asked: they would judge a state the caller has not seen. Without an etag, the change applies
     * to the agreement as read here.
     */
    private static void checkEtag(String etag, Agreement current) {
        if (Etags.expectedVersion(etag, current.version()) != current.version()) {
            throw AgreementLifecycle.modifiedMeanwhile();
        }
    }

    /**
     * A signature or refusal arriving after the 10 days, before the scheduled check recorded the
     * lapse, records it first: the answer and the stored state then agree.
     */
    private Agreement lapsedIfOverdue(Agreement agreement, Instant now) {
        return AgreementLifecycle.isOverdue(agreement, now) ? agreements.recordLapse(agreement.id(), now) : agreement;
    }

    private Funding fundingOf(Agreement agreement) {
        return fundings.require(agreement.fundingId(), "funding_id");
    }
}
