package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.ErasePersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.PersonalDataServiceGrpc;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.BeneficiaryContactContract;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Channel;

/** beneficiary-service keeps the contract notification-service's stand-in keeps. */
@BeneficiaryServiceContext
class BeneficiaryContactContractTest extends BeneficiaryContactContract {

    @Autowired
    private MongoDatabase database;

    @Override
    protected Channel contacts() {
        return channel();
    }

    /** Registered by their consultant, who is assigned at once, with a login of the identity provider. */
    @Override
    protected String newBeneficiary(String email, String accountId, String consultantId) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(consultantId, List.of(CENTRE), "consultant")))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId(CENTRE).setGivenName(GIVEN_NAME).setFamilyName(FAMILY_NAME).setEmail(email)
                        .setAccountId(FakeKeycloakAdmin.beneficiaryLogin(accountId))
                        .setEmploymentStatus(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE))
                        .build())
                .getBeneficiary().getId();
    }

    /** By a manager of their centre. */
    @Override
    protected void erase(String id) {
        PersonalDataServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("manager-lyon", List.of(CENTRE),
                        "centre-manager")))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .erasePersonalData(ErasePersonalDataRequest.newBuilder().setBeneficiaryId(id)
                        .setRequestId(UUID.randomUUID().toString()).setValidateOnly(false).build());
    }

    /** The register is this service's own {@code access_records}: one granted read, by the service account. */
    @Override
    protected void assertReadRecorded(String id, String purpose) {
        List<Document> reads = database.getCollection(AccessRecords.COLLECTION)
                .find(Filters.and(Filters.eq("beneficiaryId", id), Filters.eq("operation", "beneficiary-contact.get")))
                .into(new ArrayList<>());
        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read.getString("resource")).isEqualTo("beneficiaries/" + id + "/contact/" + purpose);
            assertThat(read.getString("actor")).isEqualTo(TestIdentityProvider.SERVICE_ACCOUNT);
            assertThat(read.getString("centreId")).isEqualTo(CENTRE);
            assertThat(read.getString("outcome")).isEqualTo("GRANTED");
            assertThat(read.getString("service")).isEqualTo("beneficiary-service");
        });
    }
}
