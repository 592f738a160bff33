package fr.bilan.beneficiary.funding;

import static fr.bilan.beneficiary.StatusAssertions.reason;
import static fr.bilan.beneficiary.StatusAssertions.refusal;
import static fr.bilan.beneficiary.StatusAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import fr.bilan.beneficiary.BeneficiaryServiceTestSupport;
import fr.bilan.beneficiary.France;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CancelFundingRequest;
import fr.bilan.proto.beneficiary.v1.CoPaymentExemption;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;
import fr.bilan.proto.beneficiary.v1.CpfFunding;
import fr.bilan.proto.beneficiary.v1.CreateConsentRecordRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.EmployerPlanFunding;
import fr.bilan.proto.beneficiary.v1.EmploymentStatus;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.FundingType;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.proto.beneficiary.v1.JobSeekerApprover;
import fr.bilan.proto.beneficiary.v1.JobSeekerFunding;
import fr.bilan.proto.beneficiary.v1.ListFundingsRequest;
import fr.bilan.proto.beneficiary.v1.PublicSectorFunding;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.proto.beneficiary.v1.TopUpFunder;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class FundingGrpcServiceTest extends BeneficiaryServiceTestSupport {

    static final Employer ACME = Employer.newBuilder().setName("ACME SAS").setSiret("732 829 320 00074")
            .setSignatoryName("Mme Dupuis").build();
    private static final Funding CPF = Funding.newBuilder().setPriceCents(180_000)
            .setCpf(CpfFunding.newBuilder().setDossierNumber("12345678901").setAmountCents(160_000)).build();
    private static final Funding SELF_FUNDED = Funding.newBuilder().setPriceCents(180_000)
            .setSelfFunded(SelfFunding.getDefaultInstance()).build();
    private static final Funding JOB_SEEKER = Funding.newBuilder().setPriceCents(180_000)
            .setJobSeeker(JobSeekerFunding.newBuilder().setApprover(JobSeekerApprover.FRANCE_TRAVAIL)
                    .setApprovalReference("FT-2026/0042")).build();

    private static CreateFundingRequest create(Beneficiary beneficiary, Funding funding) {
        return CreateFundingRequest.newBuilder().setBeneficiaryId(beneficiary.getId()).setFunding(funding).build();
    }

    private static GetFundingRequest get(Funding funding) {
        return GetFundingRequest.newBuilder().setId(funding.getId()).build();
    }

    private static ListFundingsRequest list(Beneficiary beneficiary) {
        return ListFundingsRequest.newBuilder().setBeneficiaryId(beneficiary.getId()).build();
    }

    private static CpfFunding.Builder cpf() {
        return CPF.getCpf().toBuilder();
    }

    @Test
    void recordsACpfFundingWithItsCoPaymentAndEveryAccessIsLogged() {
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);

        Funding created = fundings(consultant()).createFunding(create(lea, CPF)).getFunding();

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getBeneficiaryId()).isEqualTo(lea.getId());
        assertThat(created.getType()).isEqualTo(FundingType.CPF);
        assertThat(created.getState()).isEqualTo(FundingState.CONFIRMED);
        assertThat(created.getCpf().getCoPaymentCents()).isEqualTo(10_320);
        assertThat(created.getCpf().getCoPaymentReason()).isEqualTo("Participation forfaitaire due par le bénéficiaire : "
                + "103,20 €.");
        assertThat(created.getAgreementId()).isEmpty();
        assertThat(fundings(manager()).getFunding(get(created)).getFunding()).isEqualTo(created);
        assertThat(fundings(beneficiaryLogin(lea.getAccountId())).getFunding(get(created)).getFunding())
                .isEqualTo(created);
        assertThat(fundings(beneficiaryLogin(lea.getAccountId())).listFundings(list(lea)).getFundingsList())
                .containsExactly(created);
        assertThat(accessesTo("fundings/" + created.getId()))
                .containsExactly("funding.create", "funding.get", "funding.get", "funding.list");
    }

    @Test
    void aRetriedCreateReturnsTheFirstFunding() {
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        var request = create(lea, SELF_FUNDED).toBuilder().setRequestId("funding-42").build();

        Funding first = fundings(consultant()).createFunding(request).getFunding();

        assertThat(fundings(consultant()).createFunding(request).getFunding()).isEqualTo(first);
        // another caller's key is another request, which meets the open funding
        assertThat(reason(Status.Code.ALREADY_EXISTS, () -> fundings(manager()).createFunding(request)))
                .contains("déjà un financement en cours", first.getId());
    }

    @Test
    void oneOpenFundingPerBeneficiaryEvenUnderConcurrentCreatesUntilItIsCancelled() throws Exception {
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        List<Callable<Status.Code>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racing.add(() -> codeOf(() -> fundings(consultant()).createFunding(create(lea, SELF_FUNDED))));
        }
        List<Status.Code> codes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racing.size());
        try {
            for (Future<Status.Code> code : pool.invokeAll(racing)) {
                codes.add(code.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(codes).containsOnlyOnce(Status.Code.OK).containsOnly(Status.Code.OK, Status.Code.ALREADY_EXISTS);
        Funding open = fundings(consultant()).listFundings(list(lea)).getFundings(0);
        Funding cancelled = fundings(manager()).cancelFunding(CancelFundingRequest.newBuilder().setId(open.getId())
                .build()).getFunding();
        assertThat(cancelled.getState()).isEqualTo(FundingState.CANCELLED);
        assertThat(cancelled.getCancelTime().getSeconds()).isPositive();
        Funding next = fundings(consultant()).createFunding(create(lea, CPF)).getFunding();
        assertThat(fundings(consultant()).listFundings(list(lea)).getFundingsList()).containsExactly(next, cancelled);
        assertThat(accessesTo("fundings/" + open.getId())).contains("funding.cancel");
    }

    @Test
    void eachRefusalSaysWhyInFrench() {
        Beneficiary employee = newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        Beneficiary jobSeeker = newBeneficiary(EmploymentStatus.JOB_SEEKER);
        LocalDate today = France.today(clock);

        assertThat(refusal(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setCpf(cpf().setAmountCents(160_001)).build()))))
                .contains("600,00 €", "D6323-6", "600,01 €");
        assertThat(violations(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setCpf(cpf().setAmountCents(-100)).build())))).containsOnlyKeys("funding.cpf.amount_cents");
        assertThat(violations(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setCpf(cpf().setDuringWorkingTime(true)).build()))))
                .hasEntrySatisfying("funding.cpf.employer_leave_reference", text -> assertThat(text).contains("L6323-17"));
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setCpf(cpf().setPreviousPublicBilanEndDate(ProtoDates.of(today.minusYears(2)))).build()))))
                .contains("fonds publics ou mutualisés", "5 ans", France.date(today.plusYears(3)));
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setCpf(cpf().setCoPaymentExemption(CoPaymentExemption.JOB_SEEKER_EXEMPTION)).build()))))
                .contains("participation forfaitaire", "« salarié du secteur privé »");
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(jobSeeker, Funding.newBuilder()
                .setPriceCents(180_000).setEmployerPlan(EmployerPlanFunding.newBuilder().setEmployer(ACME)).build()))))
                .contains("plan de développement des compétences", "« demandeur d'emploi »");
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(employee, JOB_SEEKER))))
                .contains("réservé aux demandeurs d'emploi");
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(employee, Funding.newBuilder()
                .setPriceCents(180_000).setPublicSector(PublicSectorFunding.newBuilder()
                        .setAdministrationName("Mairie de Lyon").setAgreementReference("C-1")).build()))))
                .contains("réservé aux agents publics");
        assertThat(violations(() -> fundings(consultant()).createFunding(create(jobSeeker, JOB_SEEKER.toBuilder()
                .setJobSeeker(JOB_SEEKER.getJobSeeker().toBuilder().setApprovalReference("réf 12")).build()))))
                .containsOnlyKeys("funding.job_seeker.approval_reference");
        assertThat(violations(() -> fundings(consultant()).createFunding(create(employee, Funding.newBuilder()
                .setPriceCents(180_000).build())))).containsOnlyKeys("funding.details");
    }

    @Test
    void aJobSeekerOwesNoCoPaymentWithoutDeclaringItAndTheAnswerSaysWhy() {
        Beneficiary jobSeeker = newBeneficiary(EmploymentStatus.JOB_SEEKER);
        Beneficiary accident = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);

        CpfFunding exempt = fundings(consultant()).createFunding(create(jobSeeker, CPF)).getFunding().getCpf();
        CpfFunding declared = fundings(consultant()).createFunding(create(accident, CPF.toBuilder()
                .setCpf(cpf().setCoPaymentExemption(CoPaymentExemption.WORK_ACCIDENT_INCAPACITY)).build()))
                .getFunding().getCpf();

        assertThat(exempt.getCoPaymentCents()).isZero();
        assertThat(exempt.getCoPaymentExemption()).isEqualTo(CoPaymentExemption.JOB_SEEKER_EXEMPTION);
        assertThat(exempt.getCoPaymentReason()).isEqualTo("Exonéré de la participation forfaitaire : demandeur "
                + "d'emploi, déduit de la situation professionnelle enregistrée pour le bénéficiaire.");
        assertThat(declared.getCoPaymentCents()).isZero();
        assertThat(declared.getCoPaymentExemption()).isEqualTo(CoPaymentExemption.WORK_ACCIDENT_INCAPACITY);
        assertThat(declared.getCoPaymentReason()).contains("accident du travail", "10 %");
    }

    @Test
    void aCpfAmountOverTheCapIsARefusalByTheRuleAndANegativeOneAMalformedValue() {
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);

        var overTheCap = catchThrowableOfType(StatusRuntimeException.class, () -> fundings(consultant())
                .createFunding(create(lea, CPF.toBuilder().setCpf(cpf().setAmountCents(170_000)).build())));
        var negative = catchThrowableOfType(StatusRuntimeException.class, () -> fundings(consultant())
                .createFunding(create(lea, CPF.toBuilder().setCpf(cpf().setAmountCents(-1)).build())));

        assertThat(overTheCap.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(overTheCap.getStatus().getDescription()).isEqualTo("Le CPF finance un bilan de compétences à "
                + "hauteur de " + France.euros(160_000) + " au plus (article D6323-6, depuis le 26/02/2026) : le "
                + "montant demandé, " + France.euros(170_000) + ", le dépasse. Indiquez au plus "
                + France.euros(160_000) + " dans funding.cpf.amount_cents : le reste du prix est un reste à financer, "
                + "dont le financeur s'indique dans funding.cpf.top_up_funder.");
        assertThat(negative.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fundings(consultant()).listFundings(list(lea)).getFundingsList()).isEmpty();
    }

    @Test
    void thePriceAboveTheCapIsATopUpShownWithItsFunderAndTheCoPaymentApart() {
        Beneficiary employee = newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        Funding aboveTheCap = CPF.toBuilder().setPriceCents(205_000).build();

        Funding byEmployer = fundings(consultant()).createFunding(create(employee, aboveTheCap.toBuilder()
                .setCpf(cpf().setTopUpFunder(TopUpFunder.TOP_UP_BY_EMPLOYER)).build())).getFunding();
        CpfFunding toFind = fundings(consultant()).createFunding(create(lea, aboveTheCap)).getFunding().getCpf();

        CpfFunding employers = byEmployer.getCpf();
        assertThat(employers.getAmountCents()).isEqualTo(160_000);
        assertThat(employers.getTopUpFunder()).isEqualTo(TopUpFunder.TOP_UP_BY_EMPLOYER);
        assertThat(employers.getTopUpCents()).isEqualTo(45_000);
        assertThat(employers.getTopUpReason()).isEqualTo("Reste à financer : 450,00 € au-delà du plafond CPF de "
                + France.euros(160_000) + ", abondement de l'employeur.");
        // the employer's top-up exempts from the co-payment by itself, and says so
        assertThat(employers.getCoPaymentExemption()).isEqualTo(CoPaymentExemption.EMPLOYER_TOP_UP);
        assertThat(employers.getCoPaymentCents()).isZero();
        assertThat(employers.getCoPaymentReason()).isEqualTo("Exonéré de la participation forfaitaire : abondement de "
                + "l'employeur, déduit du reste à financer indiqué.");
        assertThat(fundings(manager()).getFunding(get(byEmployer)).getFunding()).isEqualTo(byEmployer);
        assertThat(toFind.getTopUpFunder()).isEqualTo(TopUpFunder.TOP_UP_FUNDER_UNSPECIFIED);
        assertThat(toFind.getTopUpCents()).isEqualTo(45_000);
        assertThat(toFind.getTopUpReason()).isEqualTo("Reste à financer : 450,00 € au-delà du plafond CPF de "
                + France.euros(160_000) + ", financeur à trouver. La participation forfaitaire (103,20 €) est due à "
                + "part par le bénéficiaire.");
        assertThat(toFind.getCoPaymentCents()).isEqualTo(10_320);
    }

    @Test
    void theCoPaymentIsTheOneInForceOnTheDayInParis() {
        Beneficiary before = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        Beneficiary after = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);

        // 23:30 in Paris on 31 December 2025, then 00:30 on 1 January 2026 (22:30 and 23:30 UTC)
        clock.set(Instant.parse("2025-12-31T22:30:00Z"));
        CpfFunding in2025 = fundings(consultant()).createFunding(create(before, CPF)).getFunding().getCpf();
        clock.set(Instant.parse("2025-12-31T23:30:00Z"));
        CpfFunding in2026 = fundings(consultant()).createFunding(create(after, CPF)).getFunding().getCpf();

        assertThat(in2025.getCoPaymentCents()).isEqualTo(10_223);
        assertThat(in2025.getCoPaymentReason()).isEqualTo("Participation forfaitaire due par le bénéficiaire : 102,23 €.");
        assertThat(in2026.getCoPaymentCents()).isEqualTo(10_320);
    }

    @Test
    void eachTopUpRefusalNamesItsFieldInFrenchAndNothingIsWritten() {
        Beneficiary employee = newBeneficiary(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE);
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        Funding paidInFull = CPF.toBuilder().setPriceCents(160_000).build();

        assertThat(violations(() -> fundings(consultant()).createFunding(create(employee, paidInFull.toBuilder()
                .setCpf(cpf().setTopUpFunder(TopUpFunder.TOP_UP_BY_EMPLOYER)).build()))))
                .containsOnlyKeys("funding.cpf.top_up_funder").hasEntrySatisfying("funding.cpf.top_up_funder",
                        text -> assertThat(text).startsWith("Aucun reste à financer"));
        assertThat(violations(() -> fundings(consultant()).createFunding(create(employee, paidInFull.toBuilder()
                .setCpf(cpf().setCoPaymentExemption(CoPaymentExemption.EMPLOYER_TOP_UP)).build()))))
                .containsOnlyKeys("funding.cpf.co_payment_exemption");
        assertThat(violations(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setCpf(cpf().setTopUpFunderValue(42)).build())))).containsOnlyKeys("funding.cpf.top_up_funder");
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(employee, CPF.toBuilder()
                .setPriceCents(205_000).setCpf(cpf().setAmountCents(205_000)
                        .setTopUpFunder(TopUpFunder.TOP_UP_BY_EMPLOYER)).build()))))
                .contains("D6323-6", "funding.cpf.amount_cents", "funding.cpf.top_up_funder");
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(lea, CPF.toBuilder()
                .setCpf(cpf().setTopUpFunder(TopUpFunder.TOP_UP_BY_OPCO)).build()))))
                .contains("suppose un employeur", "« travailleur indépendant »");
        assertThat(fundings(consultant()).listFundings(list(employee)).getFundingsList()).isEmpty();
        assertThat(fundings(consultant()).listFundings(list(lea)).getFundingsList()).isEmpty();
    }

    @Test
    void noCpfWithinFiveYearsOfAPubliclyFundedBilanThisServiceRecorded() {
        Beneficiary jobSeeker = newBeneficiary(EmploymentStatus.JOB_SEEKER);
        fundings(consultant()).createFunding(create(jobSeeker, JOB_SEEKER));

        // the five-year rule speaks before the one-open-funding rule: it says why the CPF is closed
        assertThat(refusal(() -> fundings(consultant()).createFunding(create(jobSeeker, CPF.toBuilder()
                .setCpf(cpf().setCoPaymentExemption(CoPaymentExemption.JOB_SEEKER_EXEMPTION)).build()))))
                .contains("« demandeur d'emploi »", "enregistré pour ce bénéficiaire le " + France.date(France.today(clock)),
                        "pas avant le " + France.date(France.today(clock).plusYears(5)));
    }

    @Test
    void anEmployerFundingAwaitsItsAgreement() {
        Funding plan = fundings(consultant()).createFunding(create(newBeneficiary(
                EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE), Funding.newBuilder().setPriceCents(180_000)
                .setEmployerPlan(EmployerPlanFunding.newBuilder().setEmployer(ACME)).build())).getFunding();

        assertThat(plan.getState()).isEqualTo(FundingState.AWAITING_AGREEMENT);
        assertThat(plan.getAgreementId()).isEmpty();
        assertThat(plan.getEmployerPlan().getEmployer().getSiret()).isEqualTo("73282932000074");
    }

    @Test
    void hrMayReceiveAPublicAgentsSynthesisUntilTheyObject() {
        Beneficiary agent = newBeneficiary(EmploymentStatus.PUBLIC_SECTOR_AGENT);
        var herself = BeneficiaryServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(beneficiaryLogin(agent.getAccountId())));
        Funding funding = fundings(consultant()).createFunding(create(agent, Funding.newBuilder().setPriceCents(180_000)
                .setPublicSector(PublicSectorFunding.newBuilder().setAdministrationName("Préfecture du Rhône")
                        .setAgreementReference("CONV-2026-12")).build())).getFunding();
        var objection = CreateConsentRecordRequest.newBuilder().setBeneficiaryId(agent.getId())
                .setConsentRecord(ConsentRecord.newBuilder().setKind(ConsentKind.HR_SHARING_OBJECTION)
                        .setDecision(ConsentDecision.GRANTED).setMethod(EvidenceMethod.IN_APP)).build();

        assertThat(funding.getPublicSector().getHrMayReceiveSynthesis()).isTrue();
        herself.createConsentRecord(objection);
        assertThat(fundings(manager()).getFunding(get(funding)).getFunding().getPublicSector()
                .getHrMayReceiveSynthesis()).isFalse();
        herself.createConsentRecord(objection.toBuilder().setConsentRecord(objection.getConsentRecord().toBuilder()
                .setDecision(ConsentDecision.WITHDRAWN)).build());
        assertThat(fundings(manager()).getFunding(get(funding)).getFunding().getPublicSector()
                .getHrMayReceiveSynthesis()).isTrue();
    }

    @Test
    void aBeneficiaryReadsTheirOwnStaffTheirCentresAndAnEmployerNothing() {
        Beneficiary lea = newBeneficiary(EmploymentStatus.SELF_EMPLOYED);
        Funding funding = fundings(consultant()).createFunding(create(lea, SELF_FUNDED)).getFunding();
        var herself = fundings(beneficiaryLogin(lea.getAccountId()));
        var cancel = CancelFundingRequest.newBuilder().setId(funding.getId()).build();

        assertThat(herself.getFunding(get(funding)).getFunding()).isEqualTo(funding);
        for (String outsider : List.of(beneficiaryLogin("beneficiary-someone-else"), managerElsewhere(),
                TestIdentityProvider.token("employer-1", List.of(CENTRE), "employer"),
                TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor"),
                TestIdentityProvider.token("admin-1", List.of(CENTRE), "network-admin"))) {
            assertThat(codeOf(() -> fundings(outsider).getFunding(get(funding)))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> fundings(outsider).listFundings(list(lea)))).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> fundings(outsider).cancelFunding(cancel))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        // recording and cancelling are the centre's; cancelling its manager's alone
        assertThat(codeOf(() -> herself.createFunding(create(lea, CPF)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> herself.cancelFunding(cancel))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> fundings(consultant()).cancelFunding(cancel))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(codeOf(() -> fundings(managerElsewhere()).createFunding(create(lea, CPF))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reason(Status.Code.NOT_FOUND, () -> fundings(consultant()).getFunding(GetFundingRequest.newBuilder()
                .setId("inconnu").build()))).contains("Aucun financement", "inconnu");
    }
}
