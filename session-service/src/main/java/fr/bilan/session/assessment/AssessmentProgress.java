package fr.bilan.session.assessment;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import fr.bilan.session.beneficiary.BeneficiaryDirectory;
import fr.bilan.session.beneficiary.BeneficiaryDirectory.FundingRef;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.resources.Etags;

/**
 * How a bilan moves on: from stage to stage (what beneficiary-service holds, its funding and the
 * beneficiary's consent, read before the change), to another consultant, and the synthèse handed over.
 */
@Component
class AssessmentProgress {

    /** No etag sent: the move applies to the bilan as it is. */
    private static final long ANY_VERSION = -2;

    private final AssessmentChanges changes;
    private final BeneficiaryDirectory directory;
    private final Fundings fundings;
    private final CentreProperties centres;
    private final FollowUpOffer followUp;
    private final Clock clock;

    AssessmentProgress(AssessmentChanges changes, BeneficiaryDirectory directory, Fundings fundings,
            CentreProperties centres, FollowUpOffer followUp, Clock clock) {
        this.changes = changes;
        this.directory = directory;
        this.fundings = fundings;
        this.centres = centres;
        this.followUp = followUp;
        this.clock = clock;
    }

    /**
     * Moves the bilan read to {@code to}, funded by {@code fundingId} when given (else the one it
     * names), if it is still at the version {@code etag} names (any when empty).
     */
    Assessment move(Assessment read, AssessmentState to, String reason, String fundingId, String etag) {
        String funding = fundingId.isEmpty() ? read.fundingId() : fundingId;
        FundingTerms agreed = to == AssessmentState.FUNDING_AGREED && read.state() != to ? agreedTerms(read, funding)
                : null;
        // L6313-1: the bilan proper starts only with the beneficiary's consent, as their ledger says now
        boolean consented = to == AssessmentState.PRELIMINARY && read.state() != to
                && AssessmentLifecycle.next(read.state()).contains(to)
                && directory.participationConsented(read.beneficiaryId());
        long expected = Etags.expectedVersion(etag, ANY_VERSION);
        return changes.apply(read.id(), assessment -> {
            if (expected != ANY_VERSION && expected != assessment.version()) {
                throw new Conflict("Ce bilan a changé depuis votre lecture : relisez-le avant de le faire avancer.");
            }
            Assessment funded = funding == null || funding.equals(assessment.fundingId()) ? assessment
                    : assessment.fundedBy(funding);
            Assessment result = funded.move(to, reason, agreed != null, agreed, consented, clock.instant(), followUp,
                    centres.rules(assessment.centreId()).zone().zone());
            return result == funded ? assessment : result;
        });
    }

    /**
     * The terms of the funding a bilan moves to « financement accordé » with, if beneficiary-service says
     * it is agreed ({@code null} otherwise); read before the change, not inside it, the agreement in force
     * as the caller reads it there. R6313-5: the provider the consultants work for may not be the employer
     * paying.
     */
    private FundingTerms agreedTerms(Assessment read, String fundingId) {
        if (fundingId == null) {
            throw InvalidFields.of("funding_id", "Indiquez le financement de ce bilan.");
        }
        FundingRef funding = fundings.requireOf(fundingId, read.beneficiaryId(), "funding_id");
        centres.providerSiret(read.centreId())
                .ifPresent(provider -> ConsultantEligibility.checkAssignable(provider, funding.employerSiret()));
        if (!funding.confirmed()) {
            return null;
        }
        Instant inForce = funding.agreementId().isEmpty() ? null
                : directory.agreementInForceSince(funding.agreementId()).orElse(null);
        return FundingTerms.of(funding, inForce);
    }

    /** Gives the bilan to {@code consultantId}, assigned to its beneficiary there too. */
    Assessment reassign(Assessment read, String consultantId, String assignedBy) {
        directory.assignConsultant(read.beneficiaryId(), consultantId);
        return changes.apply(read.id(), assessment -> assessment.reassign(consultantId, assignedBy, clock.instant()));
    }

    /** Records the synthèse handed over at {@code time}; whether this is the first report of it. */
    boolean recordHandover(Assessment read, Instant time) {
        changes.apply(read.id(), assessment -> assessment.synthesisHandedOver(time));
        return read.synthesisHandoverTime() == null;
    }
}
