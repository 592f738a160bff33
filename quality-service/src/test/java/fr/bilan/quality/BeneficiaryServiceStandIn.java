package fr.bilan.quality;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import fr.bilan.support.testing.FakeBeneficiaryContacts;
import io.grpc.BindableService;

/**
 * beneficiary-service's contact reads on the test's own port, beside the access register, behind the port's
 * real token check: the shared stand-in, which keeps beneficiary-service's contact contract
 * (service-support's FakeBeneficiaryContactsContractTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class BeneficiaryServiceStandIn {

    /** The beneficiaries the tests register, and the calls the service made. */
    public static final FakeBeneficiaryContacts CONTACTS = FakeBeneficiaryContacts.started();

    @Bean
    BindableService beneficiaryContactStandIn() {
        return CONTACTS.bindable();
    }
}
