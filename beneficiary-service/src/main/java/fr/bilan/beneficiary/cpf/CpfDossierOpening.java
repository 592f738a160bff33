package fr.bilan.beneficiary.cpf;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingOpening;

/**
 * A CPF funding opens its dossier in the same request, after the funding's write; a retry of that
 * request (same {@code request_id}) opens it if a failure in between left it unopened, and finds it
 * open otherwise (an insert by the funding's id).
 */
@Component
class CpfDossierOpening implements FundingOpening {

    private final CpfDossiers dossiers;

    CpfDossierOpening(CpfDossiers dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public void opened(Funding funding, String openedBy) {
        dossiers.open(funding, openedBy);
    }
}
