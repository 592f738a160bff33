package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.beneficiary.internal.v1.ConsentCheckServiceGrpc;
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
import fr.bilan.support.identity.Account;
import fr.bilan.support.testing.StandardGrpcServicesContract;
import fr.bilan.support.testing.FakeKeycloakAdmin;
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
        Beneficiary linked = create(ELODIE.toBuilder().setAccountId(FakeKeycloakAdmin.beneficiaryLogin("beneficiary-7")));
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
        Beneficiary lea = create(ELODIE.toBuilder().setAccountId(FakeKeycloakAdmin.beneficiaryLogin("beneficiary-lea")));
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
    void aPlatformServiceChecksAConsentThroughTheInternalContractOnlyAndReachesNothingElse() {
        Beneficiary lea = create(ELODIE.toBuilder().setAccountId(FakeKeycloakAdmin.beneficiaryLogin(
                "beneficiary-" + UUID.randomUUID())));
        var cep = fr.bilan.proto.beneficiary.v1.Recipient.newBuilder()
                .setKind(fr.bilan.proto.beneficiary.v1.RecipientKind.CEP_ADVISOR).setName("Mme Roux").build();
        as(TestIdentityProvider.token(lea.getAccountId(), "beneficiary"))
                .createConsentRecord(CreateConsentRecordRequest.newBuilder().setBeneficiaryId(lea.getId())
                        .setConsentRecord(ConsentRecord.newBuilder().setKind(ConsentKind.SYNTHESIS_SHARING)
                                .setDecision(ConsentDecision.GRANTED).setRecipient(cep).setMethod(EvidenceMethod.IN_APP))
                        .build());
        // synthesis-service's own token: member of no centre, assigned to nobody
        String platformToken = TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                TestIdentityProvider.SERVICE_ROLE);
        var platform = as(platformToken);
        var internal = ConsentCheckServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(platformToken))
                .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
        var check = fr.bilan.proto.beneficiary.internal.v1.CheckConsentRequest.newBuilder().setBeneficiaryId(lea.getId())
                .setKind(ConsentKind.SYNTHESIS_SHARING).setRecipient(cep).build();

        assertThat(internal.checkConsent(check).getGranted()).isTrue();
        assertThat(internal.checkConsent(check.toBuilder().setRecipient(cep.toBuilder().setName("M. Autre")).build())
                .getGranted()).isFalse();
        assertThat(database.getCollection(AccessRecords.COLLECTION).find(Filters.and(
                Filters.eq("resource", "beneficiaries/" + lea.getId() + "/consentRecords"),
                Filters.eq("operation", "consent-check.check-consent"),
                Filters.eq("actor", TestIdentityProvider.SERVICE_ACCOUNT))).into(new ArrayList<>())).hasSize(2);
        // the published contract admits no service token: the profile, the ledger and the public check stay out of reach
        assertThat(codeOf(() -> platform.checkConsent(CheckConsentRequest.newBuilder().setBeneficiaryId(lea.getId())
                .setKind(ConsentKind.SYNTHESIS_SHARING).setRecipient(cep).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> platform.getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(lea.getId()).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> platform.listConsentRecords(ListConsentRecordsRequest.newBuilder()
                .setBeneficiaryId(lea.getId()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // and a person's token does not reach the internal one
        assertThat(codeOf(() -> ConsentCheckServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .checkConsent(check))).isEqualTo(Status.Code.PERMISSION_DENIED);
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
        FakeKeycloakAdmin.consultantLogin("consultant-2", "centre-lyon");
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
    void onlyTheCentreManagerAssignsAndOnlyAnExistingConsultantOfTheBeneficiarysCentre() {
        Beneficiary bob = create(ELODIE.toBuilder());
        String manager = TestIdentityProvider.token("manager-1", List.of("centre-lyon"), "centre-manager");
        String elsewhere = TestIdentityProvider.token("manager-paris", List.of("centre-paris"), "centre-manager");
        String sessionService = TestIdentityProvider.token("service-account-bilan-services", "platform-service");
        FakeKeycloakAdmin.consultantLogin("consultant-3", "centre-lyon");
        FakeKeycloakAdmin.consultantLogin("consultant-paris", "centre-paris");
        String beneficiaryLogin = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        FakeKeycloakAdmin.instance().put(new Account("manager-lyon", Set.of("centre-manager"), Set.of("centre-lyon")));

        assertThat(codeOf(() -> as(consultant()).assignConsultant(assign(bob, "consultant-1"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(elsewhere).assignConsultant(assign(bob, "consultant-3"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // no published RPC admits the services' own token, which skips centre scoping
        assertThat(codeOf(() -> as(sessionService).assignConsultant(assign(bob, "consultant-3"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> as(manager).assignConsultant(assign(bob, "")))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        // anyone but an existing consultant of centre Lyon would orphan the bilan
        // a NUL or any control character is no identifier at all
        assertThat(codeOf(() -> as(manager).assignConsultant(assign(bob, "consultant-3\u0000"))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        for (String nobody : List.of("consultant-paris", "id-that-exists-nowhere", beneficiaryLogin, "manager-lyon")) {
            assertThatThrownBy(() -> as(manager).assignConsultant(assign(bob, nobody)))
                    .as(nobody).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                        assertThat(e.getStatus().getDescription()).contains("n'est pas un consultant du centre centre-lyon");
                    });
        }
        assertThat(as(manager).assignConsultant(assign(bob, "consultant-3")).getBeneficiary()
                .getConsultantIdsList()).containsExactly("consultant-1", "consultant-3");
    }

    @Test
    void linksOnlyABeneficiarysOwnLoginAndOnlyOncePerCentre() {
        String login = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        FakeKeycloakAdmin.instance().put(new Account("consultant-link", Set.of("consultant"), Set.of("centre-lyon")));
        FakeKeycloakAdmin.instance().put(new Account("both-roles", Set.of("beneficiary", "auditor"), Set.of("centre-lyon")));
        FakeKeycloakAdmin.instance().put(new Account("no-role", Set.of(), Set.of()));
        Beneficiary elodie = create(ELODIE.toBuilder().setAccountId(login));

        for (String refused : List.of("consultant-link", "both-roles", "no-role", "nobody-" + UUID.randomUUID())) {
            assertThat(failedPrecondition(() -> create(ELODIE.toBuilder().setAccountId(refused)))).as(refused)
                    .containsAnyOf("membre du personnel", "rôle de bénéficiaire", "Aucun compte de connexion");
            assertThat(failedPrecondition(() -> as(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                    .setBeneficiary(Beneficiary.newBuilder().setId(elodie.getId()).setAccountId(refused))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("account_id")).build()))).as(refused).isNotEmpty();
        }
        // one login, one beneficiary per centre: on create and on update
        assertThat(failedPrecondition(() -> create(ELODIE.toBuilder().setAccountId(login))))
                .contains("déjà lié à un autre bénéficiaire de ce centre");
        Beneficiary other = create(ELODIE.toBuilder());
        assertThat(failedPrecondition(() -> as(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(other.getId()).setAccountId(login))
                .setUpdateMask(FieldMask.newBuilder().addPaths("account_id")).build())))
                .contains("déjà lié à un autre bénéficiaire de ce centre");
        // in another centre the same person may be followed under the same login
        String paris = TestIdentityProvider.token("consultant-paris-2", List.of("centre-paris"), "consultant");
        assertThat(as(paris).createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(ELODIE.toBuilder()
                .setCentreId("centre-paris").setAccountId(login)).build()).getBeneficiary().getAccountId()).isEqualTo(login);
        // unlinked, the login may serve another record of the centre
        as(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(elodie.getId()).setAccountId(""))
                .setUpdateMask(FieldMask.newBuilder().addPaths("account_id")).build());
        assertThat(as(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(other.getId()).setAccountId(login))
                .setUpdateMask(FieldMask.newBuilder().addPaths("account_id")).build()).getBeneficiary().getAccountId())
                .isEqualTo(login);
    }

    @Test
    void anAddressTakenInTheCentreIsRefusedOnUpdateAsOnCreate() {
        Beneficiary first = create(ELODIE.toBuilder());
        Beneficiary second = create(ELODIE.toBuilder());

        assertThatThrownBy(() -> as(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(second.getId()).setEmail(first.getEmail()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("email")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                    assertThat(e.getStatus().getDescription()).contains("déjà celle d'un autre bénéficiaire");
                });
    }

    /** The French reason of a FAILED_PRECONDITION the call ends with. */
    private static String failedPrecondition(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            return e.getStatus().getDescription();
        }
        throw new AssertionError("not refused");
    }
}
