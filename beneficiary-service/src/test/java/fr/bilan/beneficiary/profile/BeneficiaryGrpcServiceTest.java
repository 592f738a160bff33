package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.v1.AssignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;
import fr.bilan.proto.beneficiary.v1.CreateConsentRecordRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.ListConsentRecordsRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesResponse;
import fr.bilan.proto.beneficiary.v1.UnassignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.UpdateBeneficiaryRequest;
import com.google.protobuf.FieldMask;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.bilan.support.audit.AccessRecords;
import fr.bilan.support.testing.StandardGrpcServicesContract;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

@BeneficiaryServiceContext
class BeneficiaryGrpcServiceTest extends StandardGrpcServicesContract {

    private static final Beneficiary ELODIE = Beneficiary.newBuilder()
            .setCentreId("centre-lyon").setGivenName("Élodie").setFamilyName("Durand")
            .setEmail("elodie.durand@example.fr").setEmploymentStatus(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE).build();

    private static BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub as(String token) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of("centre-lyon"), "consultant");
    }

    /** A beneficiary of its own, so tests do not meet each other's e-mail addresses. */
    @Autowired
    private MongoDatabase database;

    private static Beneficiary create(Beneficiary.Builder beneficiary) {
        return as(consultant()).createBeneficiary(CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(beneficiary.setEmail(UUID.randomUUID() + "@example.fr")).build()).getBeneficiary();
    }

    @Test
    void createsThenReadsTheSameBeneficiary() {
        Beneficiary created = as(consultant()).createBeneficiary(
                CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE).build()).getBeneficiary();

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getCreateTime().getSeconds()).isPositive();
        assertThat(created.getUpdateTime()).isEqualTo(created.getCreateTime());
        assertThat(created.getEtag()).isNotBlank();
        assertThat(created.toBuilder().clearId().clearCreateTime().clearUpdateTime().clearEtag().clearConsultantIds()
                .build()).isEqualTo(ELODIE);
        // the consultant who registers the beneficiary is assigned to them
        assertThat(created.getConsultantIdsList()).containsExactly("consultant-1");
        assertThat(as(consultant()).getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(created.getId()).build())
                .getBeneficiary()).isEqualTo(created);
    }

    @Test
    void aRetriedCreateReturnsTheFirstResultInsteadOfADuplicate() {
        var request = CreateBeneficiaryRequest.newBuilder().setRequestId("req-42")
                .setBeneficiary(ELODIE.toBuilder().setEmail("retried@example.fr")).build();

        Beneficiary first = as(consultant()).createBeneficiary(request).getBeneficiary();
        Beneficiary retry = as(consultant()).createBeneficiary(request).getBeneficiary();
        var otherCaller = as(TestIdentityProvider.token("consultant-2", List.of("centre-lyon"), "consultant"));

        assertThat(retry).isEqualTo(first);
        // another caller's key is another request: it meets the address already taken, not the first result
        assertThatThrownBy(() -> otherCaller.createBeneficiary(request))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
    }

    @Test
    void anAddressIsUsedOncePerCentreWhateverItsCase() {
        Beneficiary first = create(ELODIE.toBuilder());
        var sameAddress = CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(ELODIE.toBuilder().setEmail(first.getEmail().toUpperCase())).build();

        assertThatThrownBy(() -> as(consultant()).createBeneficiary(sameAddress))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                    assertThat(e.getStatus().getDescription()).contains("déjà");
                });
        var paris = TestIdentityProvider.token("consultant-3", List.of("centre-paris"), "consultant");
        assertThat(as(paris).createBeneficiary(CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(ELODIE.toBuilder().setCentreId("centre-paris").setEmail(first.getEmail())).build())
                .getBeneficiary().getCentreId()).isEqualTo("centre-paris");
    }

    @Test
    void updatesOnlyTheMaskedFieldsAndRefusesAStaleEtag() {
        Beneficiary created = create(ELODIE.toBuilder());
        var change = UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(created.getId()).setEtag(created.getEtag())
                        .setFamilyName("Martin").setGivenName("ignored").setPhone("06 12 34 56 78"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("family_name").addPaths("phone"))
                .build();

        Beneficiary updated = as(consultant()).updateBeneficiary(change).getBeneficiary();

        assertThat(updated.getFamilyName()).isEqualTo("Martin");
        assertThat(updated.getGivenName()).isEqualTo("Élodie");
        assertThat(updated.getPhone()).isEqualTo("+33612345678");
        assertThat(updated.getEtag()).isNotEqualTo(created.getEtag());
        assertThatThrownBy(() -> as(consultant()).updateBeneficiary(change))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(e.getStatus().getDescription()).contains("modifié entre-temps");
                });
        assertThat(as(consultant()).getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(created.getId()).build())
                .getBeneficiary()).isEqualTo(updated);
    }

    @Test
    void listsPageByPageInNameOrderWithFilters() {
        String centre = "centre-" + UUID.randomUUID();
        var staff = as(TestIdentityProvider.token("manager-1", List.of(centre), "centre-manager"));
        String[] families = {"Étienne", "Dupont", "durand", "Duval", "Martin", "Dumas", "Dubois"};
        for (int i = 0; i < families.length; i++) {
            staff.createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE.toBuilder()
                    .setCentreId(centre).setFamilyName(families[i]).setEmail(i + "@example.fr")
                    .setEmploymentStatus(i % 2 == 0 ? EmploymentStatus.JOB_SEEKER : EmploymentStatus.SELF_EMPLOYED))
                    .build());
        }
        List<String> seen = new ArrayList<>();
        var request = ListBeneficiariesRequest.newBuilder().setCentreId(centre).setNamePrefix("DU").setPageSize(2);
        int pages = 0;
        ListBeneficiariesResponse page;
        do {
            page = staff.listBeneficiaries(request.build());
            page.getBeneficiariesList().forEach(b -> seen.add(b.getFamilyName()));
            request.setPageToken(page.getNextPageToken());
            pages++;
        } while (!page.getNextPageToken().isEmpty());

        assertThat(seen).containsExactly("Dubois", "Dumas", "Dupont", "durand", "Duval");
        assertThat(pages).isEqualTo(3);
        assertThat(staff.listBeneficiaries(ListBeneficiariesRequest.newBuilder()
                .addEmploymentStatuses(EmploymentStatus.JOB_SEEKER).build()).getBeneficiariesList())
                .extracting(Beneficiary::getFamilyName).containsExactly("Dubois", "durand", "Étienne", "Martin");
    }

    @Test
    void staffReachOnlyTheirCentresAndABeneficiaryOnlyTheirOwnRecord() {
        Beneficiary linked = create(ELODIE.toBuilder().setAccountId("beneficiary-7"));
        Beneficiary other = create(ELODIE.toBuilder());
        var paris = as(TestIdentityProvider.token("consultant-p", List.of("centre-paris"), "consultant"));
        var herself = as(TestIdentityProvider.token("beneficiary-7", "beneficiary"));
        var get = (java.util.function.Function<Beneficiary, GetBeneficiaryRequest>) b ->
                GetBeneficiaryRequest.newBuilder().setId(b.getId()).build();

        assertThat(herself.getBeneficiary(get.apply(linked)).getBeneficiary()).isEqualTo(linked);
        assertThat(codeOf(() -> herself.getBeneficiary(get.apply(other)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> paris.getBeneficiary(get.apply(linked)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> paris.updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(linked.getId()).setFamilyName("X"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("family_name")).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> paris.createBeneficiary(CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(ELODIE).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> paris.listBeneficiaries(ListBeneficiariesRequest.newBuilder()
                .setCentreId("centre-lyon").build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(paris.listBeneficiaries(ListBeneficiariesRequest.getDefaultInstance()).getBeneficiariesList())
                .extracting(Beneficiary::getCentreId).doesNotContain("centre-lyon");
    }

    @Test
    void refusesAnInvalidBeneficiaryWithFieldViolations() {
        var request = CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(ELODIE.toBuilder().setEmail("nope").clearGivenName()).build();

        assertThatThrownBy(() -> as(consultant()).createBeneficiary(request))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getTrailers().keys()).contains("grpc-status-details-bin");
                });
    }

    @Test
    void answersNotFoundForAnUnknownId() {
        assertThatThrownBy(() -> as(consultant()).getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("nobody").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                    assertThat(e.getStatus().getDescription()).contains("nobody");
                });
    }

    @Test
    void refusesARoleTheContractDoesNotName() {
        var auditor = as(TestIdentityProvider.token("auditor-1", "auditor"));
        var beneficiary = as(TestIdentityProvider.token("beneficiary-1", "beneficiary"));
        var request = CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE).build();

        for (var call : new Runnable[] {
                () -> auditor.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("x").build()),
                () -> beneficiary.createBeneficiary(request),
                () -> as(TestIdentityProvider.token("nobody")).createBeneficiary(request)}) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }

    @Test
    void refusesABeneficiaryCallWithoutAToken() {
        var stub = BeneficiaryServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> stub.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId("x").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void keepsEveryConsentAsARecordAndAnswersWhatIsInForce() {
        Beneficiary lea = create(ELODIE.toBuilder().setAccountId("beneficiary-lea"));
        var herself = as(TestIdentityProvider.token("beneficiary-lea", "beneficiary"));
        var cep = fr.bilan.proto.beneficiary.v1.Recipient.newBuilder()
                .setKind(fr.bilan.proto.beneficiary.v1.RecipientKind.CEP_ADVISOR).setName("Mme Roux").build();
        var grant = CreateConsentRecordRequest.newBuilder().setBeneficiaryId(lea.getId()).setRequestId("grant-1")
                .setConsentRecord(ConsentRecord.newBuilder().setKind(ConsentKind.SYNTHESIS_SHARING)
                        .setDecision(ConsentDecision.GRANTED).setRecipient(cep).setMethod(EvidenceMethod.IN_APP))
                .build();
        var withdraw = grant.toBuilder().setRequestId("withdraw-1")
                .setConsentRecord(grant.getConsentRecord().toBuilder().setDecision(ConsentDecision.WITHDRAWN)).build();
        var check = CheckConsentRequest.newBuilder().setBeneficiaryId(lea.getId())
                .setKind(ConsentKind.SYNTHESIS_SHARING).setRecipient(cep).build();

        ConsentRecord granted = herself.createConsentRecord(grant).getConsentRecord();
        assertThat(herself.createConsentRecord(grant).getConsentRecord()).isEqualTo(granted);
        assertThat(as(consultant()).checkConsent(check).getGranted()).isTrue();
        herself.createConsentRecord(withdraw);
        assertThat(codeOf(() -> herself.createConsentRecord(withdraw.toBuilder().setRequestId("withdraw-2").build())))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);

        var history = herself.listConsentRecords(ListConsentRecordsRequest.newBuilder().setBeneficiaryId(lea.getId())
                .build()).getConsentRecordsList();
        assertThat(history).extracting(ConsentRecord::getDecision)
                .containsExactly(ConsentDecision.GRANTED, ConsentDecision.WITHDRAWN);
        assertThat(history).extracting(ConsentRecord::getSequence).containsExactly(1L, 2L);
        assertThat(history.get(0).getRecordedBy()).isEqualTo("beneficiary-lea");
        var answer = as(consultant()).checkConsent(check);
        assertThat(answer.getGranted()).isFalse();
        assertThat(answer.getDecidingRecord()).isEqualTo(history.get(1));
        // a consultant records signed forms, never a click in the beneficiary's name; others read nothing
        assertThat(codeOf(() -> as(consultant()).createConsentRecord(grant.toBuilder().setRequestId("by-consultant")
                .build()))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(codeOf(() -> as(TestIdentityProvider.token("beneficiary-other", "beneficiary")).checkConsent(check)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aPlatformServiceChecksAConsentOfAnyBeneficiaryAndNothingElse() {
        Beneficiary lea = create(ELODIE.toBuilder().setAccountId("beneficiary-" + UUID.randomUUID()));
        var cep = fr.bilan.proto.beneficiary.v1.Recipient.newBuilder()
                .setKind(fr.bilan.proto.beneficiary.v1.RecipientKind.CEP_ADVISOR).setName("Mme Roux").build();
        ConsentRecord granted = as(TestIdentityProvider.token(lea.getAccountId(), "beneficiary"))
                .createConsentRecord(CreateConsentRecordRequest.newBuilder().setBeneficiaryId(lea.getId())
                        .setConsentRecord(ConsentRecord.newBuilder().setKind(ConsentKind.SYNTHESIS_SHARING)
                                .setDecision(ConsentDecision.GRANTED).setRecipient(cep).setMethod(EvidenceMethod.IN_APP))
                        .build()).getConsentRecord();
        // synthesis-service's own token: member of no centre, assigned to nobody
        var platform = as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE));
        var check = CheckConsentRequest.newBuilder().setBeneficiaryId(lea.getId())
                .setKind(ConsentKind.SYNTHESIS_SHARING).setRecipient(cep).build();

        var answer = platform.checkConsent(check);

        assertThat(answer.getGranted()).isTrue();
        assertThat(answer.getDecidingRecord()).isEqualTo(granted);
        assertThat(platform.checkConsent(check.toBuilder().setRecipient(cep.toBuilder().setName("M. Autre")).build())
                .getGranted()).isFalse();
        assertThat(database.getCollection(AccessRecords.COLLECTION).find(Filters.and(
                Filters.eq("resource", "beneficiaries/" + lea.getId() + "/consentRecords"),
                Filters.eq("operation", "consent.check"), Filters.eq("actor", TestIdentityProvider.SERVICE_ACCOUNT)))
                .into(new ArrayList<>())).hasSize(2);
        // the profile itself stays out of its reach
        assertThat(codeOf(() -> platform.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(lea.getId()).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> platform.listConsentRecords(ListConsentRecordsRequest.newBuilder()
                .setBeneficiaryId(lea.getId()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    private static AssignConsultantRequest assign(Beneficiary beneficiary, String consultant) {
        return AssignConsultantRequest.newBuilder().setBeneficiaryId(beneficiary.getId()).setConsultantId(consultant)
                .build();
    }

    private static List<String> listedIds(String token, String namePrefix) {
        return as(token).listBeneficiaries(ListBeneficiariesRequest.newBuilder().setNamePrefix(namePrefix)
                .setPageSize(200).build()).getBeneficiariesList().stream().map(Beneficiary::getId).toList();
    }

    @Test
    void aConsultantReachesOnlyTheBeneficiariesAssignedToThem() {
        String family = "Assigné" + UUID.randomUUID().toString().substring(0, 8);
        Beneficiary bob = create(ELODIE.toBuilder().setFamilyName(family));
        String colleague = TestIdentityProvider.token("consultant-2", List.of("centre-lyon"), "consultant");
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        var read = GetBeneficiaryRequest.newBuilder().setId(bob.getId()).build();
        var change = UpdateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder().setId(bob.getId())
                .setPhone("06 12 34 56 78")).setUpdateMask(FieldMask.newBuilder().addPaths("phone")).build();

        // a colleague of the same centre, not assigned: neither reads, lists, nor changes
        assertThatThrownBy(() -> as(colleague).getBeneficiary(read)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).contains("consultant affecté");
                });
        assertThat(codeOf(() -> as(colleague).updateBeneficiary(change))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(listedIds(colleague, family)).isEmpty();
        assertThat(listedIds(consultant(), family)).containsExactly(bob.getId());
        assertThat(listedIds(manager, family)).containsExactly(bob.getId());

        // assigned by the centre manager: reaches them; assigning twice changes nothing
        Beneficiary assigned = as(manager).assignConsultant(assign(bob, "consultant-2")).getBeneficiary();
        assertThat(assigned.getConsultantIdsList()).containsExactly("consultant-1", "consultant-2");
        assertThat(as(manager).assignConsultant(assign(bob, "consultant-2")).getBeneficiary().getEtag())
                .isEqualTo(assigned.getEtag());
        assertThat(as(colleague).getBeneficiary(read).getBeneficiary().getId()).isEqualTo(bob.getId());
        assertThat(listedIds(colleague, family)).containsExactly(bob.getId());

        // unassigned: out of reach again
        var unassign = UnassignConsultantRequest.newBuilder().setBeneficiaryId(bob.getId())
                .setConsultantId("consultant-2").build();
        assertThat(as(manager).unassignConsultant(unassign).getBeneficiary().getConsultantIdsList())
                .containsExactly("consultant-1");
        assertThat(codeOf(() -> as(colleague).getBeneficiary(read))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(listedIds(colleague, family)).isEmpty();
    }

    @Test
    void onlyTheCentreManagerOrAPlatformServiceAssigns() {
        Beneficiary bob = create(ELODIE.toBuilder());
        String elsewhere = TestIdentityProvider.token("manager-paris", List.of("centre-paris"), "centre-manager");
        String sessionService = TestIdentityProvider.token("service-account-bilan-services", "platform-service");

        assertThat(codeOf(() -> as(consultant()).assignConsultant(assign(bob, "consultant-1"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(elsewhere).assignConsultant(assign(bob, "consultant-3"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(sessionService).assignConsultant(assign(bob, ""))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(as(sessionService).assignConsultant(assign(bob, "consultant-3")).getBeneficiary()
                .getConsultantIdsList()).containsExactly("consultant-1", "consultant-3");
    }
}
