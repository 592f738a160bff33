package fr.bilan.notification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.FakeCpfTracking;
import io.grpc.BindableService;

/**
 * beneficiary-service's contact reads on the test's own port, beside the access register, behind the
 * port's real token check: the shared stand-in, which keeps beneficiary-service's contact contract
 * (service-support's FakeBeneficiaryContactsContractTest); and its CPF deadlines, service-support's
 * {@link FakeCpfTracking}, which keeps the CPF tracking contract (CpfTrackingContract).
 */
@TestConfiguration(proxyBeanMethods = false)
public class BeneficiaryServiceStandIn {

    /** The beneficiaries the tests register, and the calls the service made. */
    public static final FakeBeneficiaryContacts CONTACTS = FakeBeneficiaryContacts.started();

    /** The CPF dossiers due the digests read, two a page: a network's list spans several. */
    public static final FakeCpfTracking CPF = FakeCpfTracking.unstarted();

    static {
        CPF.pagesOfAtMost(2);
    }

    @Bean
    BindableService beneficiaryContactStandIn() {
        return CONTACTS.bindable();
    }

    @Bean
    BindableService cpfTrackingStandIn() {
        return CPF.service();
    }
}
