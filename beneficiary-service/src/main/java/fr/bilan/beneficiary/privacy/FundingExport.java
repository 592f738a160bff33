package fr.bilan.beneficiary.privacy;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.beneficiary.agreement.AgreementMessages;
import fr.bilan.beneficiary.agreement.AgreementRepository;
import fr.bilan.beneficiary.cpf.CpfDossierMessages;
import fr.bilan.beneficiary.cpf.CpfDossierRepository;
import fr.bilan.beneficiary.cpf.CpfDossiers;
import fr.bilan.beneficiary.funding.FundingMessages;
import fr.bilan.beneficiary.funding.FundingRepository;
import fr.bilan.beneficiary.funding.FundingViews;

/**
 * A beneficiary's fundings, the CPF dossiers of their CPF fundings and their tripartite agreements,
 * as their personal data export holds them. Here beside the other sections, not in the funding
 * package: the erasure here reads fundings, so fundings must not depend on this package.
 */
@Configuration(proxyBeanMethods = false)
class FundingExport {

    /** Every funding, cancelled ones included, newest first. */
    @Bean
    ExportSection fundings(FundingRepository fundings, FundingViews views) {
        return (export, beneficiaryId) -> fundings.listByBeneficiary(beneficiaryId)
                .forEach(funding -> export.addFundings(FundingMessages.toProto(views.of(funding))));
    }

    /** The agreement of each funding that has one, in the order of the fundings. */
    @Bean
    ExportSection agreements(FundingRepository fundings, AgreementRepository agreements, Clock clock) {
        return (export, beneficiaryId) -> fundings.listByBeneficiary(beneficiaryId).forEach(funding -> agreements
                .findByFundingId(funding.id())
                .ifPresent(agreement -> export.addAgreements(AgreementMessages.toProto(agreement, clock.instant()))));
    }

    /**
     * The CPF dossier of each CPF funding that has one, in the order of the fundings, as staff read it
     * (history, proposals, deadlines as of the centre's today). Not named {@code cpfDossiers}: that bean is
     * {@link CpfDossiers}.
     */
    @Bean
    ExportSection fundingCpfDossiers(FundingRepository fundings, CpfDossierRepository repository, CpfDossiers dossiers) {
        return (export, beneficiaryId) -> fundings.listByBeneficiary(beneficiaryId).forEach(funding -> repository
                .find(funding.id())
                .ifPresent(dossier -> export.addCpfDossiers(CpfDossierMessages.toProto(dossier,
                        dossiers.centre(dossier.centreId()), dossiers.today(dossier.centreId())))));
    }
}
