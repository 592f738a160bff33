package fr.bilan.beneficiary.privacy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.beneficiary.consent.ConsentMessages;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.support.audit.AccessRecordReader;

/** The sections of a personal data export beside the record itself, one per kind of data held. */
@Configuration(proxyBeanMethods = false)
class ExportSections {

    /** The whole consent ledger, oldest first. */
    @Bean
    ExportSection consentRecords(ConsentRepository consents) {
        return (export, beneficiaryId) -> consents.ledgerOf(beneficiaryId).entries()
                .forEach(entry -> export.addConsentRecords(ConsentMessages.toProto(entry)));
    }

    /** The accesses to their data, newest first. */
    @Bean
    ExportSection accessRecords(AccessRecordReader accessRecords) {
        return (export, beneficiaryId) -> export.addAllAccessRecords(accessRecords.allOf(beneficiaryId));
    }
}
