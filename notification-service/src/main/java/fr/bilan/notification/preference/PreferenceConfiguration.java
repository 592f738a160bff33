package fr.bilan.notification.preference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.notification.recipient.BeneficiaryContacts;

/**
 * Who looks after a beneficiary, from beneficiary-service's contact read (the one client of it,
 * {@link BeneficiaryContacts}); the read goes to the person's access register under the purpose
 * {@value #PURPOSE}. Unreachable, or without the service's credentials: UNAVAILABLE, in French.
 */
@Configuration(proxyBeanMethods = false)
class PreferenceConfiguration {

    static final String PURPOSE = "notification-preferences";

    @Bean
    CareTeams careTeams(BeneficiaryContacts contacts) {
        return beneficiaryId -> contacts.find(beneficiaryId, PURPOSE)
                .map(contact -> new CareTeam(contact.centreId(), contact.accountId(), contact.consultantIds()));
    }
}
