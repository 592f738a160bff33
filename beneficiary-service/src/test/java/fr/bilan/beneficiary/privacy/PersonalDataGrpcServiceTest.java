package fr.bilan.beneficiary.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryServiceContext;
import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CancelFundingRequest;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CreateConsentRecordRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.CpfDossier;
import fr.bilan.proto.beneficiary.v1.CpfDossierServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfFunding;
import fr.bilan.proto.beneficiary.v1.CpfStep;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.ErasePersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.ErasureItem;
import fr.bilan.proto.beneficiary.v1.ErasureOutcome;
import fr.bilan.proto.beneficiary.v1.ErasureReport;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.ExportPersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetCpfDossierRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.ListAccessRecordsRequest;
import fr.bilan.proto.beneficiary.v1.ListAccessRecordsResponse;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.PersonalDataExport;
import fr.bilan.proto.beneficiary.v1.PersonalDataServiceGrpc;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.proto.beneficiary.v1.UpdateBeneficiaryRequest;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

@BeneficiaryServiceContext
class PersonalDataGrpcServiceTest extends GrpcServiceTestSupport {

    private static final String LYON = "centre-lyon";

    @Autowired
    private MongoDatabase database;

    private static PersonalDataServiceGrpc.PersonalDataServiceBlockingStub privacy(String token) {
        return PersonalDataServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub profiles(String token) {
        return BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static String consultant() {
        return TestIdentityProvider.token("consultant-1", List.of(LYON), "consultant");
    }

    private static String manager(String centre) {
        return TestIdentityProvider.token("manager-" + centre, List.of(centre), "centre-manager");
    }

    private static String auditor(String centre) {
        return TestIdentityProvider.token("auditor-" + centre, List.of(centre), "auditor");
    }

    /** A beneficiary of Lyon linked to a login of their own, so tests do not meet each other's data. */
    private static Beneficiary createLinked(String accountId) {
        return profiles(consultant()).createBeneficiary(CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setCentreId(LYON).setGivenName("Élodie")
                        .setFamilyName("Durand").setEmail(UUID.randomUUID() + "@example.fr").setPhone("06 12 34 56 78")
                        .setEmploymentStatus(EmploymentStatus.JOB_SEEKER)
                        .setAccountId(FakeKeycloakAdmin.beneficiaryLogin(accountId)))
                .build()).getBeneficiary();
    }

    private static Beneficiary read(Beneficiary beneficiary) {
        return profiles(consultant()).getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(beneficiary.getId())
                .build()).getBeneficiary();
    }

    private static ConsentRecord grantParticipation(String token, Beneficiary beneficiary) {
        return profiles(token).createConsentRecord(CreateConsentRecordRequest.newBuilder()
                .setBeneficiaryId(beneficiary.getId()).setConsentRecord(ConsentRecord.newBuilder()
                        .setKind(ConsentKind.PARTICIPATION).setDecision(ConsentDecision.GRANTED)
                        .setMethod(EvidenceMethod.IN_APP))
                .build()).getConsentRecord();
    }

    /** A beneficiary with their login and a first consent, given in the application. */
    private record Linked(String subject, String token, Beneficiary beneficiary, ConsentRecord consent) {

        static Linked create() {
            String subject = "beneficiary-" + UUID.randomUUID();
            String token = TestIdentityProvider.token(subject, "beneficiary");
            Beneficiary beneficiary = createLinked(subject);
            return new Linked(subject, token, beneficiary, grantParticipation(token, beneficiary));
        }
    }

    private static ListAccessRecordsRequest accessesOf(Beneficiary beneficiary) {
        return ListAccessRecordsRequest.newBuilder().setBeneficiaryId(beneficiary.getId()).build();
    }

    /** A real erasure, asked explicitly ({@code validate_only} false). */
    private static ErasePersonalDataRequest erasure(Beneficiary beneficiary, String requestId) {
        return ErasePersonalDataRequest.newBuilder().setBeneficiaryId(beneficiary.getId()).setRequestId(requestId)
                .setValidateOnly(false).build();
    }

    /** A record as the access log writes it, at a chosen time, in a centre of the test's own. */
    private void insertAccess(String id, String beneficiaryId, String centreId, Instant time) {
        database.getCollection("access_records").insertOne(new Document("_id", id)
                .append("time", Date.from(time)).append("actor", "consultant-9").append("actorRoles", List.of("consultant"))
                .append("operation", "beneficiary.get").append("resource", "beneficiaries/" + beneficiaryId)
                .append("beneficiaryId", beneficiaryId).append("centreId", centreId)
                .append("service", "beneficiary-service"));
    }

    private static AccessRecord withOperation(List<AccessRecord> records, String operation) {
        return records.stream().filter(record -> record.getOperation().equals(operation)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + operation + " in " + records));
    }

    private static void assertNewestFirst(List<AccessRecord> records) {
        assertThat(records).extracting(record -> ProtoTime.toInstant(record.getAccessTime()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aBeneficiarySeesWhoReadTheirRecord() {
        String subject = "beneficiary-" + UUID.randomUUID();
        Beneficiary lea = createLinked(subject);
        read(lea);

        List<AccessRecord> accesses = privacy(TestIdentityProvider.token(subject, "beneficiary"))
                .listAccessRecords(accessesOf(lea)).getAccessRecordsList();

        assertThat(accesses).extracting(AccessRecord::getOperation)
                .containsExactlyInAnyOrder("beneficiary.get", "beneficiary.create");
        assertNewestFirst(accesses);
        AccessRecord read = withOperation(accesses, "beneficiary.get");
        assertThat(read.getActor()).isEqualTo("consultant-1");
        assertThat(read.getActorRolesList()).containsExactly("consultant");
        assertThat(read.getResource()).isEqualTo("beneficiaries/" + lea.getId());
        assertThat(read.getBeneficiaryId()).isEqualTo(lea.getId());
        assertThat(read.getCentreId()).isEqualTo(LYON);
        assertThat(read.getService()).isEqualTo("beneficiary-service");
        assertThat(read.getId()).isNotEmpty();
        // the listing is an access too, seen by the next one
        AccessRecord listing = withOperation(privacy(auditor(LYON)).listAccessRecords(accessesOf(lea))
                .getAccessRecordsList(), "personal-data.list-access-records");
        assertThat(listing.getActor()).isEqualTo(subject);
        assertThat(listing.getResource()).isEqualTo("beneficiaries/" + lea.getId() + "/accessRecords");
    }

    @Test
    void onlyTheBeneficiaryAndTheirCentresManagersAndAuditorsListTheirAccesses() {
        Beneficiary lea = createLinked("beneficiary-" + UUID.randomUUID());
        var request = accessesOf(lea);

        assertThat(codeOf(() -> privacy(manager(LYON)).listAccessRecords(request))).isEqualTo(Status.Code.OK);
        assertThat(codeOf(() -> privacy(auditor("centre-paris")).listAccessRecords(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> privacy(TestIdentityProvider.token("beneficiary-other", "beneficiary"))
                .listAccessRecords(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // consultants read records, they do not audit them (the contract names no such role)
        assertThat(codeOf(() -> privacy(consultant()).listAccessRecords(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> privacy(auditor(LYON)).listAccessRecords(ListAccessRecordsRequest.newBuilder()
                .setBeneficiaryId("nobody").build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void anAuditorListsTheirCentreOverAPeriodPageByPage() {
        String centre = "centre-" + UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        Instant end = start.plus(Duration.ofHours(1));
        insertAccess("r-before", "b-1", centre, start.minusMillis(1));
        insertAccess("r-end", "b-1", centre, end);
        insertAccess("r-other-centre", "b-9", "centre-" + UUID.randomUUID(), start.plusSeconds(5));
        // two ties on time, ordered by id
        List<String> expected = List.of("r-5", "r-4", "r-3", "r-2b", "r-2a", "r-1", "r-0");
        insertAccess("r-0", "b-1", centre, start);
        insertAccess("r-1", "b-2", centre, start.plusSeconds(1));
        insertAccess("r-2a", "b-1", centre, start.plusSeconds(2));
        insertAccess("r-2b", "b-3", centre, start.plusSeconds(2));
        insertAccess("r-3", "b-2", centre, start.plusSeconds(3));
        insertAccess("r-4", "b-1", centre, start.plusSeconds(4));
        insertAccess("r-5", "b-1", centre, end.minusMillis(1));
        var request = ListAccessRecordsRequest.newBuilder().setCentreId(centre).setStartTime(ProtoTime.of(start))
                .setEndTime(ProtoTime.of(end)).setPageSize(3);
        var auditor = privacy(auditor(centre));

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        ListAccessRecordsResponse page;
        do {
            page = auditor.listAccessRecords(request.build());
            page.getAccessRecordsList().forEach(record -> seen.add(record.getId()));
            pageSizes.add(page.getAccessRecordsCount());
            request.setPageToken(page.getNextPageToken());
        } while (!page.getNextPageToken().isEmpty());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pageSizes).containsExactly(3, 3, 1);
        // each listing is recorded as an access to the records of each beneficiary it showed
        Set<String> listedFor = new HashSet<>();
        database.getCollection("access_records").find(Filters.and(Filters.eq("operation", "personal-data.list-access-records"),
                Filters.eq("actor", "auditor-" + centre))).forEach(record -> listedFor.add(record.getString("beneficiaryId")
                        + " " + record.getString("resource")));
        assertThat(listedFor).containsExactlyInAnyOrder("b-1 beneficiaries/b-1/accessRecords",
                "b-2 beneficiaries/b-2/accessRecords", "b-3 beneficiaries/b-3/accessRecords");
    }

    @Test
    void aCentresAccessesNeedAPeriodOfTheCallersCentre() {
        String centre = "centre-" + UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofDays(2));
        insertAccess(UUID.randomUUID().toString(), "b-1", centre, start.plusSeconds(1));
        insertAccess(UUID.randomUUID().toString(), "b-1", centre, start.plusSeconds(2));
        var byCentre = ListAccessRecordsRequest.newBuilder().setCentreId(centre).setStartTime(ProtoTime.of(start));
        String token = privacy(manager(centre)).listAccessRecords(byCentre.setPageSize(1).build()).getNextPageToken();

        assertThat(token).isNotEmpty();
        assertThat(codeOf(() -> privacy(auditor("centre-paris")).listAccessRecords(byCentre.build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // a centre's accesses are for its managers and auditors, not its consultants nor a beneficiary
        assertThat(codeOf(() -> privacy(TestIdentityProvider.token("consultant-c", List.of(centre), "consultant"))
                .listAccessRecords(byCentre.build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> privacy(TestIdentityProvider.token("b-1", List.of(centre), "beneficiary"))
                .listAccessRecords(byCentre.build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        var auditor = privacy(auditor(centre));
        assertThat(FieldErrors.fieldsOf(() -> auditor.listAccessRecords(byCentre.clone().clearStartTime().build())))
                .containsExactly("start_time");
        assertThat(FieldErrors.fieldsOf(() -> auditor.listAccessRecords(ListAccessRecordsRequest.getDefaultInstance())))
                .containsExactly("beneficiary_id", "centre_id");
        assertThat(FieldErrors.fieldsOf(() -> auditor.listAccessRecords(byCentre.clone()
                .setEndTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).setPageSize(-1).build())))
                .containsExactly("end_time", "page_size");
        assertThat(FieldErrors.fieldsOf(() -> auditor.listAccessRecords(byCentre.clone()
                .setStartTime(ProtoTime.of(start.minus(Duration.ofDays(400)))).build()))).containsExactly("start_time");
        // the token of one period does not resume another
        assertThat(FieldErrors.of(() -> auditor.listAccessRecords(byCentre.clone()
                .setStartTime(ProtoTime.of(start.minusSeconds(1))).setPageToken(token).build())))
                .singleElement().asString().startsWith("page_token: ").contains("d'autres filtres");
        assertThat(auditor.listAccessRecords(byCentre.clone().setPageToken(token).build()).getAccessRecordsCount())
                .isEqualTo(1);
    }

    @Test
    void exportsTheRecordItsConsentLedgerAndTheAccessesToIt() {
        Linked linked = Linked.create();
        Beneficiary lea = linked.beneficiary();
        Beneficiary current = read(lea);

        PersonalDataExport export = privacy(linked.token()).exportPersonalData(ExportPersonalDataRequest.newBuilder()
                .setBeneficiaryId(lea.getId()).build()).getExport();

        assertThat(export.getBeneficiary()).isEqualTo(current);
        assertThat(export.getConsentRecordsList()).containsExactly(linked.consent());
        assertThat(export.getAccessRecordsList()).extracting(AccessRecord::getOperation).containsExactlyInAnyOrder(
                "personal-data.export", "beneficiary.get", "beneficiary.create-consent-record", "beneficiary.create");
        assertNewestFirst(export.getAccessRecordsList());
        assertThat(withOperation(export.getAccessRecordsList(), "personal-data.export").getActor())
                .isEqualTo(linked.subject());
        assertThat(withOperation(export.getAccessRecordsList(), "beneficiary.get").getActor()).isEqualTo("consultant-1");
        assertThat(export.getExportTime().getSeconds()).isPositive();
        assertThat(export.getFundingsList()).isEmpty();
        assertThat(export.getAgreementsList()).isEmpty();
        assertThat(export.getCpfDossiersList()).isEmpty();
        var request = ExportPersonalDataRequest.newBuilder().setBeneficiaryId(lea.getId()).build();
        assertThat(privacy(manager(LYON)).exportPersonalData(request).getExport().getBeneficiary().getId())
                .isEqualTo(lea.getId());
        assertThat(codeOf(() -> privacy(manager("centre-paris")).exportPersonalData(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> privacy(auditor(LYON)).exportPersonalData(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> privacy(TestIdentityProvider.token("beneficiary-other", "beneficiary"))
                .exportPersonalData(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> privacy(manager(LYON)).exportPersonalData(ExportPersonalDataRequest.newBuilder()
                .setBeneficiaryId("nobody").build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static Funding fund(Beneficiary beneficiary, Funding funding) {
        return FundingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS).createFunding(CreateFundingRequest.newBuilder()
                        .setBeneficiaryId(beneficiary.getId()).setFunding(funding).build()).getFunding();
    }

    private static CpfDossier dossierOf(Funding funding) {
        return CpfDossierServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultant()))
                .withDeadlineAfter(10, TimeUnit.SECONDS).getCpfDossier(GetCpfDossierRequest.newBuilder()
                        .setId(funding.getId()).build()).getDossier();
    }

    @Test
    void exportsTheCpfDossierOfEachCpfFundingAndErasureKeepsItAsProcessEvidence() {
        Linked linked = Linked.create();
        Beneficiary lea = linked.beneficiary();
        Funding self = fund(lea, Funding.newBuilder().setPriceCents(150_000)
                .setSelfFunded(SelfFunding.getDefaultInstance()).build());
        // one funding at a time: the first, cancelled, stays in the export
        FundingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(manager(LYON)))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .cancelFunding(CancelFundingRequest.newBuilder().setId(self.getId()).build());
        Funding cpf = fund(lea, Funding.newBuilder().setPriceCents(180_000).setCpf(CpfFunding.newBuilder()
                .setDossierNumber("12345678901").setAmountCents(160_000)).build());
        CpfDossier dossier = dossierOf(cpf);

        PersonalDataExport export = privacy(linked.token()).exportPersonalData(ExportPersonalDataRequest.newBuilder()
                .setBeneficiaryId(lea.getId()).build()).getExport();

        assertThat(export.getFundingsList()).extracting(Funding::getId).containsExactlyInAnyOrder(self.getId(),
                cpf.getId());
        // the dossier as staff read it, its history (the request received) included; none for the other funding
        assertThat(export.getCpfDossiersList()).containsExactly(dossier);
        assertThat(dossier.getDossierNumber()).isEqualTo("12345678901");
        assertThat(dossier.getHistoryList()).extracting(CpfStep::getRecordedBy).containsExactly("consultant-1");

        ErasureReport report = privacy(linked.token()).erasePersonalData(erasure(lea, "erase-cpf")).getReport();

        assertThat(report.getItemsList()).extracting(ErasureItem::getCategory, ErasureItem::getOutcome).contains(
                tuple("financements, dossiers CPF et conventions tripartites", ErasureOutcome.KEPT));
        Document kept = database.getCollection("cpfDossiers").find(Filters.eq("_id", cpf.getId())).first();
        assertThat(kept).as("kept as the evidence of the action").isNotNull();
        assertThat(kept.getString("dossierNumber")).isEqualTo("12345678901");
        assertThat(kept.getList("history", Document.class)).hasSize(1);
    }

    @Test
    void validateOnlyAnswersWithoutErasing() {
        String subject = "beneficiary-" + UUID.randomUUID();
        Beneficiary lea = createLinked(subject);
        Beneficiary before = read(lea);

        var herself = privacy(TestIdentityProvider.token(subject, "beneficiary"));

        ErasureReport report = herself.erasePersonalData(erasure(lea, "check-1").toBuilder().setValidateOnly(true)
                .build()).getReport();

        assertThat(report.getValidateOnly()).isTrue();
        assertThat(report.getItemsList()).extracting(ErasureItem::getOutcome)
                .containsExactly(ErasureOutcome.ERASED, ErasureOutcome.ERASED, ErasureOutcome.KEPT, ErasureOutcome.KEPT);
        assertThat(read(lea)).isEqualTo(before);
        assertThat(database.getCollection("beneficiaries").find(Filters.eq("_id", lea.getId())).first().keySet())
                .doesNotContain("erasedTime", "erasure");
        // an assessment binds nothing: the same request id then erases
        ErasureReport erased = herself.erasePersonalData(erasure(lea, "check-1")).getReport();
        assertThat(erased.getValidateOnly()).isFalse();
        assertThat(codeOf(() -> read(lea))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void anErasureWithoutAnExplicitValidateOnlyIsRefusedAndErasesNothing() throws Exception {
        Beneficiary lea = createLinked("");
        Beneficiary before = read(lea);
        String requestId = UUID.randomUUID().toString();
        var absent = ErasePersonalDataRequest.newBuilder().setBeneficiaryId(lea.getId()).setRequestId(requestId).build();
        // what the gateway makes of {"validateOnly": null}: the proto3 JSON mapping reads null as absent
        var nullInJson = ErasePersonalDataRequest.newBuilder();
        JsonFormat.parser().merge("{\"beneficiaryId\": \"" + lea.getId() + "\", \"requestId\": \"" + requestId
                + "\", \"validateOnly\": null}", nullInJson);

        for (ErasePersonalDataRequest request : List.of(absent, nullInJson.build())) {
            assertThat(FieldErrors.of(() -> privacy(manager(LYON)).erasePersonalData(request))).containsExactly(
                    "validate_only: Confirmez la demande : envoyez true pour voir ce que l'effacement ferait sans rien "
                            + "effacer, ou false pour effacer les données, définitivement.");
        }

        assertThat(read(lea)).isEqualTo(before);
        assertThat(database.getCollection("beneficiaries").find(Filters.eq("_id", lea.getId())).first().keySet())
                .doesNotContain("erasedTime", "erasure");
        // false, sent, erases
        ErasureReport erased = privacy(manager(LYON)).erasePersonalData(absent.toBuilder().setValidateOnly(false).build())
                .getReport();
        assertThat(erased.getValidateOnly()).isFalse();
        assertThat(codeOf(() -> read(lea))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void erasureRemovesContactAndIdentityFreesTheAddressAndAnswersRetriesTheSame() {
        Linked linked = Linked.create();
        String herself = linked.token();
        Beneficiary lea = linked.beneficiary();

        ErasureReport report = privacy(herself).erasePersonalData(erasure(lea, "erase-1")).getReport();

        assertThat(report.getBeneficiaryId()).isEqualTo(lea.getId());
        assertThat(report.getValidateOnly()).isFalse();
        assertThat(report.getItemsList()).extracting(ErasureItem::getCategory, ErasureItem::getOutcome).containsExactly(
                tuple("coordonnées (adresse e-mail, téléphone, lien avec le compte de connexion)", ErasureOutcome.ERASED),
                tuple("identité (nom, prénom, situation professionnelle)", ErasureOutcome.ERASED),
                tuple(ErasurePlan.BILAN_DOCUMENTS, ErasureOutcome.KEPT),
                tuple("registre des consentements", ErasureOutcome.KEPT),
                tuple("journal des accès aux données", ErasureOutcome.KEPT));
        Instant consentRecorded = ProtoTime.toInstant(linked.consent().getRecordTime());
        assertThat(ProtoTime.toInstant(report.getItems(3).getKeepUntil()))
                .isEqualTo(consentRecorded.atOffset(java.time.ZoneOffset.UTC).plusYears(3).toInstant());
        // kept a year (the default retention) after the newest access: this erasure's own
        Instant erased = ProtoTime.toInstant(report.getEraseTime());
        assertThat(ProtoTime.toInstant(report.getItems(4).getKeepUntil()))
                .isBetween(erased.plus(Duration.ofDays(365)).minusSeconds(5), erased.plus(Duration.ofDays(365)));

        Document stored = database.getCollection("beneficiaries").find(Filters.eq("_id", lea.getId())).first();
        assertThat(stored.keySet()).doesNotContain("email", "centreEmailKey", "phone", "accountId", "givenName",
                "familyName", "employmentStatus", "familyKey", "givenKey");
        assertThat(stored.getString("centreId")).isEqualTo(LYON);
        assertThat(stored.getDate("erasedTime").toInstant()).isEqualTo(erased);
        assertThatThrownBy(() -> read(lea)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(e.getStatus().getDescription()).isEqualTo("Ce bénéficiaire a été effacé.");
        });
        assertThat(codeOf(() -> profiles(consultant()).updateBeneficiary(UpdateBeneficiaryRequest.newBuilder()
                .setBeneficiary(Beneficiary.newBuilder().setId(lea.getId()).setFamilyName("Martin"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("family_name")).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> grantParticipation(consultant(), lea))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> privacy(manager(LYON)).exportPersonalData(ExportPersonalDataRequest.newBuilder()
                .setBeneficiaryId(lea.getId()).build()))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(profiles(manager(LYON)).listBeneficiaries(ListBeneficiariesRequest.newBuilder().setCentreId(LYON)
                .setPageSize(500).build()).getBeneficiariesList()).extracting(Beneficiary::getId)
                .doesNotContain(lea.getId());
        // the address serves again in the centre
        Beneficiary again = profiles(consultant()).createBeneficiary(CreateBeneficiaryRequest.newBuilder()
                .setBeneficiary(lea.toBuilder().clearId().clearEtag().clearCreateTime().clearUpdateTime()).build())
                .getBeneficiary();
        assertThat(again.getEmail()).isEqualTo(lea.getEmail());
        assertThat(again.getId()).isNotEqualTo(lea.getId());

        // her own retry is known by its request id, though the link to her login is gone
        assertThat(privacy(herself).erasePersonalData(erasure(lea, "erase-1")).getReport()).isEqualTo(report);
        assertThat(codeOf(() -> privacy(herself).erasePersonalData(erasure(lea, "erase-2"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(privacy(manager(LYON)).erasePersonalData(erasure(lea, "")).getReport()).isEqualTo(report);
        assertThat(privacy(manager(LYON)).listAccessRecords(accessesOf(lea)).getAccessRecordsList())
                .extracting(AccessRecord::getOperation).contains("personal-data.erase");
    }

    @Test
    void twoErasedBeneficiariesOfACentreBothLoseTheirAddress() {
        Beneficiary first = createLinked("");
        Beneficiary second = createLinked("");

        privacy(manager(LYON)).erasePersonalData(erasure(first, UUID.randomUUID().toString()));
        privacy(manager(LYON)).erasePersonalData(erasure(second, UUID.randomUUID().toString()));

        assertThat(codeOf(() -> read(first))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> read(second))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void erasureIsTheBeneficiarysOrTheirCentreManagers() {
        Beneficiary lea = createLinked("beneficiary-" + UUID.randomUUID());
        var request = erasure(lea, "scoped");

        for (String token : new String[] {manager("centre-paris"), consultant(), auditor(LYON),
                TestIdentityProvider.token("beneficiary-other", "beneficiary")}) {
            assertThat(codeOf(() -> privacy(token).erasePersonalData(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(read(lea).getEmail()).isEqualTo(lea.getEmail());
        assertThat(codeOf(() -> privacy(manager(LYON)).erasePersonalData(ErasePersonalDataRequest.newBuilder()
                .setBeneficiaryId("nobody").setValidateOnly(false).build()))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(FieldErrors.fieldsOf(() -> privacy(manager(LYON))
                .erasePersonalData(ErasePersonalDataRequest.getDefaultInstance())))
                .containsExactly("beneficiary_id", "validate_only");
        assertThat(FieldErrors.of(() -> privacy(manager(LYON)).erasePersonalData(erasure(lea, "x".repeat(65)))))
                .containsExactly("request_id: L'identifiant de requête ne doit pas dépasser 64 caractères.");
        assertThat(read(lea).getEmail()).isEqualTo(lea.getEmail());
    }
}
