package fr.bilan.session.assessment;

import org.springframework.stereotype.Component;

import fr.bilan.session.beneficiary.BeneficiaryDirectory;
import fr.bilan.session.beneficiary.BeneficiaryDirectory.FundingRef;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.resources.Lookups;

/** The funding a bilan names, as beneficiary-service holds it: it must be its beneficiary's own. */
@Component
class Fundings {

    private final BeneficiaryDirectory directory;

    Fundings(BeneficiaryDirectory directory) {
        this.directory = directory;
    }

    /** The funding {@code fundingId} names, refused on {@code field} when it is another beneficiary's. */
    FundingRef requireOf(String fundingId, String beneficiaryId, String field) {
        if (fundingId.length() > Lookups.MAX_ID_LENGTH) {
            throw InvalidFields.of(field, "Identifiant de financement trop long.");
        }
        FundingRef funding = directory.funding(fundingId);
        if (!funding.beneficiaryId().equals(beneficiaryId)) {
            throw InvalidFields.of(field, "Ce financement est celui d'un autre bénéficiaire.");
        }
        return funding;
    }
}
