package fr.bilan.beneficiary.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.agreement.AgreementDestruction;
import fr.bilan.beneficiary.cpf.CpfDossierRepository;
import fr.bilan.support.holding.ContentHolderGrpcService;

/**
 * beneficiary-service as a holder of documents, for retention-service's purge: it holds the
 * tripartite agreement of the funding that paid for a bilan, registered at the end of every funded
 * action as one content entry of kind {@code AGREEMENT} and destroyed three years later (L6362-6),
 * and with it the funding's CPF dossier, evidence of the same action. This service does not know
 * which bilan a funding paid for: the purge passes the funding the end of the action named. Only
 * platform services call here (the contract). It stores no objects, and encrypts nothing with a key
 * of the bilan: {@code key_destroyed} is always false. The funding itself stays: the CPF's five-year
 * rule still reads it (D6323-6).
 */
@GrpcService
class AgreementHolderGrpcService extends ContentHolderGrpcService {

    private static final Logger log = LoggerFactory.getLogger(AgreementHolderGrpcService.class);

    private final AgreementDestruction destruction;
    private final CpfDossierRepository cpfDossiers;

    AgreementHolderGrpcService(AgreementDestruction destruction, CpfDossierRepository cpfDossiers) {
        super("beneficiary-service");
        this.destruction = destruction;
        this.cpfDossiers = cpfDossiers;
    }

    /**
     * Destroys the agreement of the action's funding, keeping its stub, and the funding's CPF dossier;
     * without a funding (a bilan that had none), again, or for a funding it does not know, it erases
     * nothing; a funding without agreement or without dossier (not a CPF one) loses what it has.
     */
    @Override
    protected long erase(String assessmentId, String fundingId) {
        if (fundingId.isEmpty()) {
            log.info("No funding for bilan {}: nothing destroyed for the purge", assessmentId);
            return 0;
        }
        long agreements = destruction.destroyOf(fundingId);
        long dossiers = cpfDossiers.destroy(fundingId);
        log.info("Funding {} (bilan {}) for the purge: {} agreement(s) and {} CPF dossier(s) destroyed", fundingId,
                assessmentId, agreements, dossiers);
        return agreements + dossiers;
    }
}
