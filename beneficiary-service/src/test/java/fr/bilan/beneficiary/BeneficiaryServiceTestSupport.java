package fr.bilan.beneficiary;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;

/**
 * Base of the funding and agreement gRPC tests: stubs as a given caller, the people of centre
 * Lyon, beneficiaries of their own for each test, the access records, and the clock set back to
 * the system's after each test.
 */
@BeneficiaryServiceContext
public abstract class BeneficiaryServiceTestSupport extends GrpcServiceTestSupport {

    protected static final String CENTRE = "centre-lyon";

    @Autowired
    protected TestClock clock;
    @Autowired
    private MongoDatabase database;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of(CENTRE), "consultant");
    }

    protected static String manager() {
        return TestIdentityProvider.token("manager-1", List.of(CENTRE), "centre-manager");
    }

    /** Staff of another centre. */
    protected static String managerElsewhere() {
        return TestIdentityProvider.token("manager-paris", List.of("centre-paris"), "centre-manager");
    }

    /** The beneficiary whose login is {@code accountId}. */
    protected static String beneficiaryLogin(String accountId) {
        return TestIdentityProvider.token(accountId, "beneficiary");
    }

    protected static FundingServiceGrpc.FundingServiceBlockingStub fundings(String token) {
        return FundingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static AgreementServiceGrpc.AgreementServiceBlockingStub agreements(String token) {
        return AgreementServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A new beneficiary of centre Lyon in {@code status}, whose own login is the returned account id. */
    protected static Beneficiary newBeneficiary(EmploymentStatus status) {
        String account = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        return BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId(CENTRE).setGivenName("Élodie").setFamilyName("Durand")
                        .setEmail(account + "@example.fr").setEmploymentStatus(status).setAccountId(account))
                        .build())
                .getBeneficiary();
    }

    /** The operations the access log recorded on {@code resource} ({@code fundings/…}). */
    protected List<String> accessesTo(String resource) {
        return database.getCollection(AccessRecords.COLLECTION).find(Filters.eq("resource", resource))
                .map(record -> record.getString("operation")).into(new ArrayList<>());
    }
}
