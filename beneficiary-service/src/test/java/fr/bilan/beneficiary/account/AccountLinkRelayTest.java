package fr.bilan.beneficiary.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

import com.google.protobuf.FieldMask;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryApplication;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.ErasePersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.PersonalDataServiceGrpc;
import fr.bilan.proto.beneficiary.v1.UpdateBeneficiaryRequest;
import fr.bilan.proto.session.internal.v1.AccountLinkServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkRequest;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkResponse;
import fr.bilan.support.security.Caller;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.OutboxRelayTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.stub.StreamObserver;

/**
 * Every change of the login linked to a beneficiary reaches session-service (stood in for on this
 * service's own port), as the service itself, whatever made it: a create, an update, an erasure.
 */
@SpringBootTest(classes = { BeneficiaryApplication.class, AccountLinkRelayTest.FakeAccountLinks.class },
        properties = "spring.grpc.client.channel.session.target=127.0.0.1:${spring.grpc.server.port}")
@DirtiesContext
class AccountLinkRelayTest extends OutboxRelayTestSupport {

    /** session-service's side: what it was told, and the newest version per beneficiary as it keeps it. */
    @Component
    static class FakeAccountLinks extends AccountLinkServiceGrpc.AccountLinkServiceImplBase {

        static final List<RecordAccountLinkRequest> RECEIVED = new CopyOnWriteArrayList<>();
        static final List<String> CALLERS = new CopyOnWriteArrayList<>();
        static final Map<String, RecordAccountLinkRequest> NEWEST = new ConcurrentHashMap<>();

        @Override
        public void recordAccountLink(RecordAccountLinkRequest request,
                StreamObserver<RecordAccountLinkResponse> response) {
            RECEIVED.add(request);
            CALLERS.add(Caller.current().subject());
            RecordAccountLinkRequest kept = NEWEST.merge(request.getBeneficiaryId(), request,
                    (old, now) -> now.getBeneficiaryVersion() > old.getBeneficiaryVersion() ? now : old);
            response.onNext(RecordAccountLinkResponse.newBuilder().setApplied(kept == request).build());
            response.onCompleted();
        }
    }

    @Autowired
    private MongoDatabase database;

    AccountLinkRelayTest() {
        super("account-link");
    }

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
    }

    private static BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub beneficiaries(String token) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private Document linkOf(String beneficiaryId) {
        return database.getCollection(AccountLinkOutbox.COLLECTION).find(Filters.eq("_id", beneficiaryId)).first()
                .get(AccountLinkOutbox.MARKER.field(), Document.class);
    }

    private Beneficiary relink(Beneficiary beneficiary, String accountId) {
        return beneficiaries(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(beneficiary.getId()).setAccountId(accountId))
                .setUpdateMask(FieldMask.newBuilder().addPaths("account_id")).build()).getBeneficiary();
    }

    @Test
    void everyLinkChangeReachesSessionServiceAndTheNewestStands() {
        String first = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        String second = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        Beneficiary elodie = beneficiaries(consultant()).createBeneficiary(CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setCentreId("centre-lyon").setGivenName("Élodie")
                        .setFamilyName("Durand").setEmail(UUID.randomUUID() + "@example.fr")
                        .setEmploymentStatus(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE).setAccountId(first))
                .build()).getBeneficiary();
        await().atMost(AT_MOST).until(() -> FakeAccountLinks.NEWEST.containsKey(elodie.getId()));

        relink(elodie, second);
        await().atMost(AT_MOST).until(() -> FakeAccountLinks.NEWEST.get(elodie.getId()).getAccountId().equals(second));
        Beneficiary phoneChanged = beneficiaries(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(elodie.getId()).setPhone("06 12 34 56 78"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("phone")).build()).getBeneficiary();
        PersonalDataServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("manager-1", List.of("centre-lyon"),
                        "centre-manager")))
                .erasePersonalData(ErasePersonalDataRequest.newBuilder().setBeneficiaryId(elodie.getId())
                        .setRequestId(UUID.randomUUID().toString()).setValidateOnly(false).build());

        await().atMost(AT_MOST).until(() -> FakeAccountLinks.NEWEST.get(elodie.getId()).getAccountId().isEmpty());
        await().atMost(AT_MOST).until(() -> !linkOf(elodie.getId()).containsKey("pending"));
        List<RecordAccountLinkRequest> received = FakeAccountLinks.RECEIVED.stream()
                .filter(request -> request.getBeneficiaryId().equals(elodie.getId())).toList();
        // the link as created (version 1), as relinked (2), then unlinked by the erasure after the
        // phone change (4): a change that left the login alone sent nothing
        assertThat(received).extracting(RecordAccountLinkRequest::getAccountId).containsSubsequence(first, second, "");
        assertThat(received).extracting(RecordAccountLinkRequest::getBeneficiaryVersion).containsOnly(1L, 2L,
                Long.parseLong(phoneChanged.getEtag()) + 1);
        assertThat(FakeAccountLinks.CALLERS).containsOnly(TestIdentityProvider.SERVICE_ACCOUNT);
        assertTheChartReadsItsOutboxMetrics();
    }
}
