package fr.bilan.beneficiary.cpf;

import static fr.bilan.beneficiary.StatusAssertions.reason;
import static fr.bilan.beneficiary.StatusAssertions.refusal;
import static fr.bilan.beneficiary.StatusAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.protobuf.Duration;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.proto.beneficiary.internal.v1.BilanEnded;
import fr.bilan.proto.beneficiary.internal.v1.BilanOutcome;
import fr.bilan.proto.beneficiary.internal.v1.BilanStarted;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CountOverdueCpfDossiersRequest;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineAction;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineOwner;
import fr.bilan.proto.beneficiary.v1.CpfDossier;
import fr.bilan.proto.beneficiary.v1.CpfDossierServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfDossierState;
import fr.bilan.proto.beneficiary.v1.CpfDossierView;
import fr.bilan.proto.beneficiary.v1.CpfFunding;
import fr.bilan.proto.beneficiary.v1.CpfPartialReason;
import fr.bilan.proto.beneficiary.v1.CpfStepInput;
import fr.bilan.proto.beneficiary.v1.CpfStepSource;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.GetCpfDossierRequest;
import fr.bilan.proto.beneficiary.v1.ListCpfDossiersRequest;
import fr.bilan.proto.beneficiary.v1.ListCpfDossiersResponse;
import fr.bilan.proto.beneficiary.v1.RecordCpfStepRequest;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Status;

/**
 * The CPF dossier's RPCs on the service's test context (embedded MongoDB): opened with its CPF
 * funding, steps recorded (late ones visible), bad input refused in French naming the field with
 * nothing written, lists sorted by the next deadline, the overdue count, and the internal tracking.
 */
class CpfDossierGrpcServiceTest extends BeneficiaryServiceTestSupport {

    /** Monday 2 March 2026, 10:00 in Paris. */
    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    static final Funding CPF = Funding.newBuilder().setPriceCents(180_000)
            .setCpf(CpfFunding.newBuilder().setDossierNumber("12345678901").setAmountCents(160_000)).build();

    @Autowired
    private MongoDatabase database;
    @Autowired
    private CpfDossierRepository repository;

    static CpfDossierServiceGrpc.CpfDossierServiceBlockingStub cpf(String token) {
        return CpfDossierServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static CpfTrackingServiceGrpc.CpfTrackingServiceBlockingStub tracking() {
        return CpfTrackingServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(TestIdentityProvider.token(
                TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static String consultantOf(String centre) {
        return TestIdentityProvider.token("consultant-1", List.of(centre), "consultant");
    }

    static String managerOf(String centre) {
        return TestIdentityProvider.token("manager-1", List.of(centre), "centre-manager");
    }

    /** A beneficiary of {@code centre}, registered by consultant-1 (so assigned to them). */
    static Beneficiary beneficiaryOf(String centre) {
        String account = FakeKeycloakAdmin.beneficiaryLogin("beneficiary-" + UUID.randomUUID());
        return BeneficiaryServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(consultantOf(centre)))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .createBeneficiary(CreateBeneficiaryRequest.newBuilder().setBeneficiary(Beneficiary.newBuilder()
                        .setCentreId(centre).setGivenName("Élodie").setFamilyName("Durand")
                        .setEmail(account + "@example.fr").setEmploymentStatus(EmploymentStatus.SELF_EMPLOYED)
                        .setAccountId(account)).build())
                .getBeneficiary();
    }

    /** The CPF funding of a new beneficiary of {@code centre}, recorded now by consultant-1. */
    static Funding cpfFunding(String centre) {
        Beneficiary beneficiary = beneficiaryOf(centre);
        return fundings(consultantOf(centre)).createFunding(CreateFundingRequest.newBuilder()
                .setBeneficiaryId(beneficiary.getId()).setFunding(CPF).build()).getFunding();
    }

    static GetCpfDossierRequest get(String id) {
        return GetCpfDossierRequest.newBuilder().setId(id).build();
    }

    static RecordCpfStepRequest step(String id, CpfDossierState state, LocalDate date) {
        return RecordCpfStepRequest.newBuilder().setId(id).setStep(CpfStepInput.newBuilder().setState(state)
                .setDate(ProtoDates.of(date))).build();
    }

    static RecordCpfStepRequest validate(String id, LocalDate date, LocalDate start, long hours) {
        RecordCpfStepRequest request = step(id, CpfDossierState.VALIDATED, date);
        return request.toBuilder().setStep(request.getStep().toBuilder().setProposedStartDate(ProtoDates.of(start))
                .setPlannedHours(Duration.newBuilder().setSeconds(hours * 3600))).build();
    }

    private Document stored(String id) {
        return database.getCollection(CpfDossierRepository.COLLECTION).find(Filters.eq("_id", id)).first();
    }

    private static String newCentre() {
        return "centre-cpf-" + UUID.randomUUID();
    }

    @Test
    void aCpfFundingOpensItsDossierReadWithItsNextDeadlineAndEveryReadIsLogged() {
        clock.set(MONDAY);
        Funding funding = cpfFunding(CENTRE);

        CpfDossier dossier = cpf(manager()).getCpfDossier(get(funding.getId())).getDossier();

        assertThat(dossier.getId()).isEqualTo(funding.getId());
        assertThat(dossier.getState()).isEqualTo(CpfDossierState.NOT_PROCESSED);
        assertThat(dossier.getDossierNumber()).isEqualTo("12345678901");
        assertThat(dossier.getAmountCents()).isEqualTo(160_000);
        assertThat(dossier.getEtag()).isEqualTo("1");
        assertThat(dossier.getHistoryList()).singleElement().satisfies(first -> {
            assertThat(first.getSource()).isEqualTo(CpfStepSource.STAFF);
            assertThat(first.getRecordedBy()).isEqualTo("consultant-1");
            assertThat(first.getDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 2)));
        });
        assertThat(dossier.getNextDeadline().getAction()).isEqualTo(CpfDeadlineAction.ANSWER_REQUEST);
        assertThat(dossier.getNextDeadline().getOwner()).isEqualTo(CpfDeadlineOwner.CENTRE);
        assertThat(dossier.getNextDeadline().getDueDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 4)));
        assertThat(dossier.getNextDeadline().getOverdue()).isFalse();
        assertThat(dossier.getNextDeadline().getLabel()).isEqualTo("Répondre à la demande (valider ou refuser) au plus "
                + "tard le 04/03/2026");
        assertThat(accessesTo("cpfDossiers/" + funding.getId())).containsExactly("cpf-dossier.get");
        // another centre's manager, and a consultant not assigned, are refused (and the refusals recorded)
        assertThat(reason(Status.Code.PERMISSION_DENIED, () -> cpf(managerElsewhere()).getCpfDossier(get(funding.getId()))))
                .isNotBlank();
        assertThat(reason(Status.Code.PERMISSION_DENIED, () -> cpf(TestIdentityProvider.token("consultant-2",
                List.of(CENTRE), "consultant")).getCpfDossier(get(funding.getId())))).contains("affecté");
    }

    @Test
    void anotherFundingHasNoDossierAndARetriedCreateOpensAMissingOne() {
        clock.set(MONDAY);
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        Funding selfFunded = fundings(consultant()).createFunding(CreateFundingRequest.newBuilder()
                .setBeneficiaryId(lea.getId()).setFunding(Funding.newBuilder().setPriceCents(180_000)
                        .setSelfFunded(SelfFunding.getDefaultInstance())).build()).getFunding();
        assertThat(reason(Status.Code.NOT_FOUND, () -> cpf(manager()).getCpfDossier(get(selfFunded.getId()))))
                .contains("s'ouvre avec son financement CPF");

        Beneficiary paul = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        CreateFundingRequest create = CreateFundingRequest.newBuilder().setBeneficiaryId(paul.getId()).setFunding(CPF)
                .setRequestId("cpf-" + UUID.randomUUID()).build();
        Funding funding = fundings(consultant()).createFunding(create).getFunding();
        // as if the service stopped between the funding's write and the dossier's
        database.getCollection(CpfDossierRepository.COLLECTION).deleteOne(Filters.eq("_id", funding.getId()));
        assertThat(reason(Status.Code.NOT_FOUND, () -> cpf(manager()).getCpfDossier(get(funding.getId()))))
                .contains("s'ouvre avec son financement CPF");

        assertThat(fundings(consultant()).createFunding(create).getFunding()).isEqualTo(funding);
        assertThat(cpf(manager()).getCpfDossier(get(funding.getId())).getDossier().getState())
                .isEqualTo(CpfDossierState.NOT_PROCESSED);
        // once more: the open dossier stays as it is
        cpf(manager()).recordCpfStep(step(funding.getId(), CpfDossierState.REFUSED_BY_CENTRE, LocalDate.of(2026, 3, 2)));
        fundings(consultant()).createFunding(create);
        assertThat(cpf(manager()).getCpfDossier(get(funding.getId())).getDossier().getState())
                .isEqualTo(CpfDossierState.REFUSED_BY_CENTRE);
    }

    @Test
    void aLateStepIsRecordedAsLateAndVisibleAndARetryReturnsTheFirstResult() {
        clock.set(MONDAY);
        Funding funding = cpfFunding(CENTRE);
        clock.set(MONDAY.plus(java.time.Duration.ofDays(7)));
        RecordCpfStepRequest late = validate(funding.getId(), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 24), 20)
                .toBuilder().setRequestId("validate-1").setEtag("1").build();

        CpfDossier validated = cpf(consultant()).recordCpfStep(late).getDossier();

        assertThat(validated.getState()).isEqualTo(CpfDossierState.VALIDATED);
        assertThat(validated.getEtag()).isEqualTo("2");
        assertThat(validated.getHistory(1)).satisfies(step -> {
            assertThat(step.getLate()).isTrue();
            assertThat(step.getWorkingDaysLate()).isEqualTo(3);
            assertThat(step.getDueDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 4)));
            assertThat(step.getRecordedBy()).isEqualTo("consultant-1");
            assertThat(step.getSource()).isEqualTo(CpfStepSource.STAFF);
        });
        assertThat(validated.getPlannedHours().getSeconds()).isEqualTo(20 * 3600);
        assertThat(validated.getDeadlinesList()).singleElement().satisfies(deadline -> {
            assertThat(deadline.getOwner()).isEqualTo(CpfDeadlineOwner.HOLDER);
            assertThat(deadline.getDueDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 13)));
        });
        assertThat(validated.hasNextDeadline()).isFalse();
        assertThat(cpf(consultant()).recordCpfStep(late).getDossier()).isEqualTo(validated);
        assertThat(cpf(manager()).getCpfDossier(get(funding.getId())).getDossier()).isEqualTo(validated);
        // a stale etag is refused: the dossier changed meanwhile
        assertThat(reason(Status.Code.ABORTED, () -> cpf(consultant()).recordCpfStep(step(funding.getId(),
                CpfDossierState.ACCEPTED, LocalDate.of(2026, 3, 9)).toBuilder().setEtag("1").build())))
                .contains("modifié entre-temps");
        assertThat(accessesTo("cpfDossiers/" + funding.getId())).contains("cpf-dossier.record-cpf-step");
    }

    @Test
    void badInputIsAnsweredInFrenchNamingTheFieldAndWritesNothing() {
        clock.set(MONDAY);
        Funding funding = cpfFunding(CENTRE);
        String id = funding.getId();
        clock.set(Instant.parse("2026-03-05T09:00:00Z"));
        cpf(consultant()).recordCpfStep(validate(id, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 18), 20));
        Document before = stored(id);

        RecordCpfStepRequest accepted = step(id, CpfDossierState.ACCEPTED, LocalDate.of(2026, 3, 4));
        assertThat(violations(() -> cpf(consultant()).recordCpfStep(accepted.toBuilder().setStep(accepted.getStep()
                .toBuilder().setDossierNumber("1234 56AB")).build())))
                .containsOnlyKeys("step.dossier_number").hasEntrySatisfying("step.dossier_number",
                        text -> assertThat(text).contains("8 à 14 chiffres"));
        assertThat(refusal(() -> cpf(consultant()).recordCpfStep(step(id, CpfDossierState.IN_TRAINING,
                LocalDate.of(2026, 3, 4))))).contains("« validé »", "« en formation »");
        assertThat(violations(() -> cpf(consultant()).recordCpfStep(step(id, CpfDossierState.ACCEPTED,
                LocalDate.of(2026, 3, 2))))).containsOnlyKeys("step.date").hasEntrySatisfying("step.date",
                        text -> assertThat(text).contains("précéder", "03/03/2026"));
        assertThat(violations(() -> cpf(consultant()).recordCpfStep(step(id, CpfDossierState.ACCEPTED,
                LocalDate.of(2026, 3, 6))))).containsOnlyKeys("step.date").hasEntrySatisfying("step.date",
                        text -> assertThat(text).contains("futur"));
        assertThat(violations(() -> cpf(consultant()).recordCpfStep(accepted.toBuilder().setStep(accepted.getStep()
                .toBuilder().setDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(2).setDay(30))).build())))
                .containsOnlyKeys("step.date");
        assertThat(violations(() -> cpf(consultant()).recordCpfStep(RecordCpfStepRequest.newBuilder().setId(id)
                .setStep(CpfStepInput.newBuilder().setDate(ProtoDates.of(LocalDate.of(2026, 3, 4)))).build())))
                .containsOnlyKeys("step.state");

        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void aCentresListSortsByTheNextDeadlinePagesAndFiltersItsViews() {
        String centre = newCentre();
        clock.set(MONDAY);
        Funding monday = cpfFunding(centre);
        Funding refused = cpfFunding(centre);
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        Funding tuesday = cpfFunding(centre);
        cpf(managerOf(centre)).recordCpfStep(step(refused.getId(), CpfDossierState.REFUSED_BY_CENTRE,
                LocalDate.of(2026, 3, 3)));
        // Thursday 5 March: Monday's answer (due the 4th) is overdue, Tuesday's due today, Thursday's on Monday 9
        clock.set(Instant.parse("2026-03-05T09:00:00Z"));
        Funding thursday = cpfFunding(centre);

        assertThat(ids(centre, CpfDossierView.CPF_DOSSIER_VIEW_UNSPECIFIED, managerOf(centre)))
                .containsExactly(monday.getId(), tuesday.getId(), thursday.getId());
        assertThat(ids(centre, CpfDossierView.ALL, managerOf(centre)))
                .containsExactly(monday.getId(), tuesday.getId(), thursday.getId(), refused.getId());
        assertThat(ids(centre, CpfDossierView.OVERDUE, managerOf(centre))).containsExactly(monday.getId());
        assertThat(ids(centre, CpfDossierView.DUE_SOON, managerOf(centre)))
                .containsExactly(monday.getId(), tuesday.getId());
        // the consultant assigned to them sees them; one assigned to none sees none, in one empty last page
        // (narrowed in the query, not filtered after it: no page comes back short with a next one)
        assertThat(ids(centre, CpfDossierView.CPF_DOSSIER_VIEW_UNSPECIFIED, consultantOf(centre)))
                .containsExactly(monday.getId(), tuesday.getId(), thursday.getId());
        String unassigned = TestIdentityProvider.token("consultant-2", List.of(centre), "consultant");
        ListCpfDossiersResponse firstPage = cpf(unassigned).listCpfDossiers(ListCpfDossiersRequest.newBuilder()
                .setCentreId(centre).setView(CpfDossierView.ALL).setPageSize(1).build());
        assertThat(firstPage.getDossiersList()).isEmpty();
        assertThat(firstPage.getNextPageToken()).isEmpty();
        assertThat(reason(Status.Code.PERMISSION_DENIED, () -> cpf(managerElsewhere()).listCpfDossiers(
                ListCpfDossiersRequest.newBuilder().setCentreId(centre).build()))).isNotBlank();

        var count = cpf(TestIdentityProvider.token("netadmin-1", List.of(), "network-admin"))
                .countOverdueCpfDossiers(CountOverdueCpfDossiersRequest.newBuilder().setCentreId(centre).build());
        assertThat(count.getOverdue()).isEqualTo(1);
        assertThat(count.getCentresList()).singleElement().satisfies(one -> {
            assertThat(one.getCentreId()).isEqualTo(centre);
            assertThat(one.getOverdue()).isEqualTo(1);
        });
        assertThat(cpf(managerOf(centre)).countOverdueCpfDossiers(CountOverdueCpfDossiersRequest.getDefaultInstance())
                .getOverdue()).isEqualTo(1);
        assertThat(reason(Status.Code.PERMISSION_DENIED, () -> cpf(managerElsewhere()).countOverdueCpfDossiers(
                CountOverdueCpfDossiersRequest.newBuilder().setCentreId(centre).build()))).isNotBlank();
    }

    @Test
    void destroyedAtThePurgeADossierLeavesEveryListAndCountAndIsDestroyedOnce() {
        String centre = newCentre();
        clock.set(MONDAY);
        Funding destroyed = cpfFunding(centre);
        Funding kept = cpfFunding(centre);
        // Thursday 5 March: both answers (due the 4th) are overdue
        clock.set(Instant.parse("2026-03-05T09:00:00Z"));
        var overdue = CountOverdueCpfDossiersRequest.newBuilder().setCentreId(centre).build();
        assertThat(cpf(managerOf(centre)).countOverdueCpfDossiers(overdue).getOverdue()).isEqualTo(2);

        assertThat(repository.destroy(destroyed.getId())).isEqualTo(1);
        assertThat(repository.destroy(destroyed.getId())).isZero();
        assertThat(repository.destroy("no-such-funding")).isZero();

        assertThat(stored(destroyed.getId())).isNull();
        assertThat(reason(Status.Code.NOT_FOUND, () -> cpf(managerOf(centre)).getCpfDossier(get(destroyed.getId()))))
                .isNotBlank();
        assertThat(ids(centre, CpfDossierView.ALL, managerOf(centre))).containsExactly(kept.getId());
        assertThat(cpf(managerOf(centre)).countOverdueCpfDossiers(overdue).getOverdue()).isEqualTo(1);
        assertThat(tracking().listDueCpfDeadlines(ListDueCpfDeadlinesRequest.newBuilder().setCentreId(centre)
                .setThroughDate(ProtoDates.of(LocalDate.of(2026, 3, 5))).build()).getDossiersList())
                .extracting(DueCpfDossier::getDossierId).containsExactly(kept.getId());
        // progress still on its way finds no dossier: acknowledged, not recorded
        assertThat(tracking().recordBilanProgress(RecordBilanProgressRequest.newBuilder().setEventId("late-" + destroyed
                .getId()).setAssessmentId("assessment-1").setFundingId(destroyed.getId()).setStarted(BilanStarted
                        .newBuilder().setFirstSessionDate(ProtoDates.of(LocalDate.of(2026, 3, 4)))).build())
                .getRecorded()).isFalse();
        assertThat(stored(kept.getId())).isNotNull();
    }

    /** Every dossier of the view, one per page. */
    private static List<String> ids(String centre, CpfDossierView view, String token) {
        List<String> ids = new ArrayList<>();
        String pageToken = "";
        do {
            ListCpfDossiersResponse page = cpf(token).listCpfDossiers(ListCpfDossiersRequest.newBuilder()
                    .setCentreId(centre).setView(view).setPageSize(1).setPageToken(pageToken).build());
            page.getDossiersList().forEach(dossier -> ids.add(dossier.getId()));
            pageToken = page.getNextPageToken();
        } while (!pageToken.isEmpty());
        return ids;
    }

    @Test
    void theBilanProposesTheEntryAndTheExitOncePerEventAndTheDigestReadsWhatIsDue() {
        String centre = newCentre();
        clock.set(MONDAY);
        Funding funding = cpfFunding(centre);
        String id = funding.getId();
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        cpf(managerOf(centre)).recordCpfStep(validate(id, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 18), 20));
        clock.set(Instant.parse("2026-03-20T09:00:00Z"));
        cpf(managerOf(centre)).recordCpfStep(step(id, CpfDossierState.ACCEPTED, LocalDate.of(2026, 3, 5)));
        RecordBilanProgressRequest started = RecordBilanProgressRequest.newBuilder().setEventId("started-" + id)
                .setAssessmentId("assessment-1").setFundingId(id).setStarted(BilanStarted.newBuilder()
                        .setFirstSessionDate(ProtoDates.of(LocalDate.of(2026, 3, 18)))).build();

        assertThat(tracking().recordBilanProgress(started).getRecorded()).isTrue();
        String etag = cpf(managerOf(centre)).getCpfDossier(get(id)).getDossier().getEtag();
        assertThat(tracking().recordBilanProgress(started).getRecorded()).isTrue();
        CpfDossier read = cpf(managerOf(centre)).getCpfDossier(get(id)).getDossier();
        assertThat(read.getEtag()).isEqualTo(etag);
        assertThat(read.getEntryProposal().getEntryDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 18)));
        assertThat(read.getNextDeadline().getAction()).isEqualTo(CpfDeadlineAction.DECLARE_ENTRY);
        assertThat(read.getNextDeadline().getDueDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 23)));

        // the digest of Friday 20 March, through Monday 23
        List<DueCpfDossier> due = tracking().listDueCpfDeadlines(ListDueCpfDeadlinesRequest.newBuilder()
                .setCentreId(centre).setThroughDate(ProtoDates.of(LocalDate.of(2026, 3, 23))).build()).getDossiersList();
        assertThat(due).singleElement().satisfies(one -> {
            assertThat(one.getDossierId()).isEqualTo(id);
            assertThat(one.getConsultantIdsList()).containsExactly("consultant-1");
            assertThat(one.getDeadline().getAction()).isEqualTo(CpfDeadlineAction.DECLARE_ENTRY);
            assertThat(one.getDeadline().getOverdue()).isFalse();
        });
        assertThat(tracking().listDueCpfDeadlines(ListDueCpfDeadlinesRequest.newBuilder().setCentreId(centre)
                .setThroughDate(ProtoDates.of(LocalDate.of(2026, 3, 20))).build()).getDossiersList()).isEmpty();

        CpfDossier inTraining = cpf(managerOf(centre)).recordCpfStep(RecordCpfStepRequest.newBuilder().setId(id)
                .setStep(CpfStepInput.newBuilder().setState(CpfDossierState.IN_TRAINING)).build()).getDossier();
        assertThat(inTraining.getHistory(3).getDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 3, 18)));
        clock.set(Instant.parse("2026-05-04T09:00:00Z"));
        assertThat(tracking().recordBilanProgress(RecordBilanProgressRequest.newBuilder().setEventId("ended-" + id)
                .setAssessmentId("assessment-1").setFundingId(id).setEnded(BilanEnded.newBuilder()
                        .setEndDate(ProtoDates.of(LocalDate.of(2026, 4, 30))).setOutcome(BilanOutcome.COMPLETED)
                        .setDelivered(Duration.newBuilder().setSeconds(17 * 3600)).setAbsences(1)).build())
                .getRecorded()).isTrue();
        var exit = cpf(managerOf(centre)).getCpfDossier(get(id)).getDossier().getExitProposal();
        assertThat(exit.getCompletionPercent()).isEqualTo(85);
        assertThat(exit.getPartialReason()).isEqualTo(CpfPartialReason.ABSENCES);
        assertThat(exit.getSummary()).contains("17 h", "20 h", "85 %");

        // a funding without dossier is acknowledged, not recorded; a malformed event is refused naming the field
        assertThat(tracking().recordBilanProgress(started.toBuilder().setFundingId("no-such-funding").build())
                .getRecorded()).isFalse();
        assertThat(violations(() -> tracking().recordBilanProgress(started.toBuilder().setEventId("").build())))
                .containsOnlyKeys("event_id");
        assertThat(reason(Status.Code.PERMISSION_DENIED, () -> CpfTrackingServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(managerOf(centre))).recordBilanProgress(started))).isNotBlank();
    }
}
