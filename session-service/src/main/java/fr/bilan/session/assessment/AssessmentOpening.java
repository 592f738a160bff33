package fr.bilan.session.assessment;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.bilan.session.beneficiary.BeneficiaryDirectory;
import fr.bilan.session.beneficiary.BeneficiaryDirectory.BeneficiaryRef;
import fr.bilan.support.security.Caller;

/**
 * Opens a bilan at its intake interview: for a beneficiary the caller reaches (beneficiary-service
 * decides), by its consultant for themself or by a manager of the beneficiary's centre for any
 * consultant, who is then assigned to the beneficiary there too.
 */
@Component
class AssessmentOpening {

    private final AssessmentRepository repository;
    private final BeneficiaryDirectory directory;
    private final Fundings fundings;
    private final Clock clock;

    AssessmentOpening(AssessmentRepository repository, BeneficiaryDirectory directory, Fundings fundings, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.fundings = fundings;
        this.clock = clock;
    }

    /**
     * The bilan opened, or the one an earlier request with the same {@code requestKey} opened.
     *
     * @param fundingId its funding, empty when not known yet
     */
    Assessment open(Caller caller, String beneficiaryId, String consultantId, String fundingId, DeliveryFormat format,
            String requestKey) {
        BeneficiaryRef beneficiary = directory.beneficiary(beneficiaryId);
        AssessmentAccess.checkOpen(caller, beneficiary.centreId(), consultantId);
        String funding = fundingId.isEmpty() ? null
                : fundings.requireOf(fundingId, beneficiary.id(), "assessment.funding_id").id();
        if (!beneficiary.consultantIds().contains(consultantId)) {
            directory.assignConsultant(beneficiary.id(), consultantId);
        }
        return repository.create(Assessment.open(UUID.randomUUID().toString(), beneficiary.id(),
                beneficiary.accountId(), beneficiary.centreId(), consultantId, funding, format, caller.subject(),
                clock.instant()), beneficiary.version(), requestKey);
    }
}
