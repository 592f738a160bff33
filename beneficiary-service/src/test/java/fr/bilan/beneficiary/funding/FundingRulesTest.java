package fr.bilan.beneficiary.funding;

import static fr.bilan.beneficiary.RefusalAssertions.refusal;
import static fr.bilan.beneficiary.RefusalAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.consent.ConsentDecision;
import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.consent.ConsentKind;
import fr.bilan.beneficiary.consent.ConsentLedger;
import fr.bilan.beneficiary.profile.EmploymentStatus;

class FundingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final long CO_PAYMENT = 10_320;
    private static final CoPaymentSchedule CO_PAYMENTS = CoPaymentSchedule.BUILT_IN;
    private static final EmployerParty ACME = new EmployerParty("ACME SAS", "732 829 320 00074", "Mme Dupuis");

    private static FundingDetails.Cpf cpf(long amount, CoPaymentExemption exemption, LocalDate previousEnd) {
        return cpf(amount, exemption, previousEnd, TopUpFunder.NONE);
    }

    private static FundingDetails.Cpf cpf(long amount, CoPaymentExemption exemption, LocalDate previousEnd,
            TopUpFunder funder) {
        return new FundingDetails.Cpf("12345678901", amount, exemption, 0, previousEnd, false, "", funder);
    }

    private static NewFunding validate(NewFunding funding, EmploymentStatus status) {
        return funding.validate(status, List.of(), TODAY, CO_PAYMENTS);
    }

    private static Funding recorded(FundingDetails details, LocalDate day, boolean cancelled) {
        Instant created = France.startOf(day).plusSeconds(9 * 3600);
        return new Funding("f-" + day, "b1", "c1", 150_000, details, created, cancelled ? created.plusSeconds(60) : null,
                1);
    }

    @Test
    void eachTypeIsAcceptedForTheSituationItServes() {
        assertThat(validate(new NewFunding(180_000, cpf(160_000, CoPaymentExemption.NONE,
                null)), EmploymentStatus.SELF_EMPLOYED).details().type().name()).isEqualTo("CPF");
        assertThatCode(() -> validate(new NewFunding(180_000, new FundingDetails.EmployerPlan(ACME)),
                EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE)).doesNotThrowAnyException();
        assertThatCode(() -> validate(new NewFunding(180_000, new FundingDetails.RedeploymentLeave(ACME,
                TODAY.minusDays(3))), EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE)).doesNotThrowAnyException();
        assertThatCode(() -> validate(new NewFunding(180_000, new FundingDetails.JobSeeker(
                JobSeekerApprover.FRANCE_TRAVAIL, "FT-2026/0042")), EmploymentStatus.JOB_SEEKER)).doesNotThrowAnyException();
        assertThatCode(() -> validate(new NewFunding(180_000, new FundingDetails.PublicSector(
                "Préfecture du Rhône", "CONV-2026-12")), EmploymentStatus.PUBLIC_SECTOR_AGENT)).doesNotThrowAnyException();
        assertThatCode(() -> validate(new NewFunding(180_000, new FundingDetails.SelfFunded()),
                EmploymentStatus.OTHER)).doesNotThrowAnyException();
    }

    @Test
    void aFundingHasItsDetailsAndAPrice() {
        assertThat(violations(() -> validate(new NewFunding(0, null), EmploymentStatus.OTHER)))
                .containsOnlyKeys("funding.price_cents", "funding.details");
    }

    @Test
    void theCpfPaysAtMostItsCapAndThePriceForAValidDossier() {
        // over the cap, a rule refuses: FAILED_PRECONDITION, like every other rule of the funding
        assertThat(refusal(() -> validate(new NewFunding(200_000, cpf(160_001,
                CoPaymentExemption.NONE, null)), EmploymentStatus.OTHER)))
                .isEqualTo("Le CPF finance un bilan de compétences à hauteur de " + France.euros(160_000) + " au plus "
                        + "(article D6323-6, depuis le 26/02/2026) : le montant demandé, " + France.euros(160_001)
                        + ", le dépasse. Indiquez au plus " + France.euros(160_000) + " dans funding.cpf.amount_cents : "
                        + "le reste du prix est un reste à financer, dont le financeur s'indique dans "
                        + "funding.cpf.top_up_funder.");
        assertThatCode(() -> validate(new NewFunding(200_000, cpf(160_000,
                CoPaymentExemption.NONE, null)), EmploymentStatus.OTHER)).doesNotThrowAnyException();
        // a malformed amount stays a field error
        assertThat(violations(() -> validate(new NewFunding(200_000, cpf(-5,
                CoPaymentExemption.NONE, null)), EmploymentStatus.OTHER)))
                .containsOnlyKeys("funding.cpf.amount_cents");
        assertThat(violations(() -> validate(new NewFunding(120_000, cpf(130_000,
                CoPaymentExemption.NONE, null)), EmploymentStatus.OTHER)))
                .hasEntrySatisfying("funding.cpf.amount_cents", text -> assertThat(text).contains("prix du bilan"));
        assertThat(violations(() -> validate(new NewFunding(120_000, cpf(0,
                CoPaymentExemption.NONE, null)), EmploymentStatus.OTHER)))
                .containsOnlyKeys("funding.cpf.amount_cents");
        for (String dossier : new String[] {"1234567", "123456789012345", "12345678A"}) {
            assertThat(violations(() -> validate(new NewFunding(120_000, new FundingDetails.Cpf(dossier, 100_000,
                    CoPaymentExemption.NONE, 0, null, false, "", TopUpFunder.NONE)), EmploymentStatus.OTHER)))
                    .containsOnlyKeys("funding.cpf.dossier_number");
        }
        assertThatCode(() -> validate(new NewFunding(120_000, new FundingDetails.Cpf("12 345 678", 100_000,
                CoPaymentExemption.NONE, 0, null, false, "", TopUpFunder.NONE)), EmploymentStatus.OTHER)).doesNotThrowAnyException();
    }

    /**
     * One line of D6323-1 A as the service applies it: the situation, what was declared, who finances
     * what the CPF leaves of the price, and what follows.
     */
    private record CoPaymentCase(EmploymentStatus status, CoPaymentExemption declared, long price, TopUpFunder funder,
            CoPaymentExemption applied, long coPayment, String reason) {
    }

    private static final String DUE = "Participation forfaitaire due par le bénéficiaire : 103,20 €.";
    private static final String JOB_SEEKER = "Exonéré de la participation forfaitaire : demandeur d'emploi, déduit de "
            + "la situation professionnelle enregistrée pour le bénéficiaire.";
    private static final String EMPLOYER = "Exonéré de la participation forfaitaire : abondement de l'employeur, "
            + "déduit du reste à financer indiqué.";
    private static final String OPCO = "Exonéré de la participation forfaitaire : abondement d'un opérateur de "
            + "compétences (OPCO), déduit du reste à financer indiqué.";
    private static final String C2P = "Exonéré de la participation forfaitaire : points du compte professionnel de "
            + "prévention (C2P) mobilisés, déclaré.";
    private static final String ACCIDENT = "Exonéré de la participation forfaitaire : accident du travail ou maladie "
            + "professionnelle avec une incapacité d'au moins 10 %, déclaré.";

    static List<CoPaymentCase> coPaymentTable() {
        CoPaymentExemption none = CoPaymentExemption.NONE;
        long all = 150_000;
        long more = 180_000;
        TopUpFunder nobody = TopUpFunder.NONE;
        return List.of(
                // a job seeker: derived from the recorded status, whatever was declared
                new CoPaymentCase(EmploymentStatus.JOB_SEEKER, none, all, nobody, CoPaymentExemption.JOB_SEEKER_EXEMPTION,
                        0, JOB_SEEKER),
                new CoPaymentCase(EmploymentStatus.JOB_SEEKER, CoPaymentExemption.JOB_SEEKER_EXEMPTION, all, nobody,
                        CoPaymentExemption.JOB_SEEKER_EXEMPTION, 0, JOB_SEEKER),
                new CoPaymentCase(EmploymentStatus.JOB_SEEKER, CoPaymentExemption.C2P_POINTS, all, nobody,
                        CoPaymentExemption.JOB_SEEKER_EXEMPTION, 0, JOB_SEEKER),
                new CoPaymentCase(EmploymentStatus.JOB_SEEKER, CoPaymentExemption.WORK_ACCIDENT_INCAPACITY, more,
                        TopUpFunder.TOP_UP_BY_FRANCE_TRAVAIL, CoPaymentExemption.JOB_SEEKER_EXEMPTION, 0, JOB_SEEKER),
                // the employer or an OPCO tops up: derived from the top-up, declared or not
                new CoPaymentCase(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, none, more, TopUpFunder.TOP_UP_BY_EMPLOYER,
                        CoPaymentExemption.EMPLOYER_TOP_UP, 0, EMPLOYER),
                new CoPaymentCase(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, CoPaymentExemption.EMPLOYER_TOP_UP, more,
                        TopUpFunder.TOP_UP_BY_OPCO, CoPaymentExemption.EMPLOYER_TOP_UP, 0, OPCO),
                new CoPaymentCase(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, CoPaymentExemption.C2P_POINTS, more,
                        TopUpFunder.TOP_UP_BY_EMPLOYER, CoPaymentExemption.EMPLOYER_TOP_UP, 0, EMPLOYER),
                new CoPaymentCase(EmploymentStatus.PUBLIC_SECTOR_AGENT, none, more, TopUpFunder.TOP_UP_BY_EMPLOYER,
                        CoPaymentExemption.EMPLOYER_TOP_UP, 0, EMPLOYER),
                // another financer of the top-up exempts nobody
                new CoPaymentCase(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, none, more, TopUpFunder.TOP_UP_BY_BENEFICIARY,
                        none, CO_PAYMENT, DUE),
                new CoPaymentCase(EmploymentStatus.SELF_EMPLOYED, none, more, TopUpFunder.TOP_UP_BY_REGION, none,
                        CO_PAYMENT, DUE),
                new CoPaymentCase(EmploymentStatus.OTHER, none, more, nobody, none, CO_PAYMENT, DUE),
                // what the platform cannot know: as declared
                new CoPaymentCase(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, CoPaymentExemption.C2P_POINTS, all, nobody,
                        CoPaymentExemption.C2P_POINTS, 0, C2P),
                new CoPaymentCase(EmploymentStatus.SELF_EMPLOYED, CoPaymentExemption.WORK_ACCIDENT_INCAPACITY, all,
                        nobody, CoPaymentExemption.WORK_ACCIDENT_INCAPACITY, 0, ACCIDENT),
                new CoPaymentCase(EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, none, all, nobody, none, CO_PAYMENT, DUE),
                new CoPaymentCase(EmploymentStatus.PUBLIC_SECTOR_AGENT, none, all, nobody, none, CO_PAYMENT, DUE),
                new CoPaymentCase(EmploymentStatus.SELF_EMPLOYED, none, all, nobody, none, CO_PAYMENT, DUE),
                new CoPaymentCase(EmploymentStatus.OTHER, none, all, nobody, none, CO_PAYMENT, DUE),
                new CoPaymentCase(null, none, all, nobody, none, CO_PAYMENT, DUE));
    }

    @ParameterizedTest
    @MethodSource("coPaymentTable")
    void exemptionsAreDerivedFromWhatThePlatformKnowsAndDeclaredOtherwise(CoPaymentCase line) {
        FundingDetails.Cpf decided = (FundingDetails.Cpf) validate(new NewFunding(line.price(), cpf(150_000,
                line.declared(), null, line.funder())), line.status()).details();
        assertThat(decided.exemption()).as("exemption of %s", line).isEqualTo(line.applied());
        assertThat(decided.coPaymentCents()).as("co-payment of %s", line).isEqualTo(line.coPayment());
        assertThat(decided.coPaymentReason()).as("reason of %s", line).isEqualTo(line.reason());
    }

    @Test
    void anExemptionThePlatformDerivesIsRefusedWhenWhatItKnowsSaysOtherwise() {
        // declared job seeker, recorded otherwise
        assertThat(refusal(() -> validate(new NewFunding(150_000, cpf(150_000, CoPaymentExemption.JOB_SEEKER_EXEMPTION,
                null)), EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE)))
                .contains("demandeur d'emploi", "« salarié du secteur privé »");
        // declared employer top-up with nothing left to finance, or left to someone else
        for (var declared : List.of(new NewFunding(150_000, cpf(150_000, CoPaymentExemption.EMPLOYER_TOP_UP, null)),
                new NewFunding(180_000, cpf(150_000, CoPaymentExemption.EMPLOYER_TOP_UP, null)),
                new NewFunding(180_000, cpf(150_000, CoPaymentExemption.EMPLOYER_TOP_UP, null,
                        TopUpFunder.TOP_UP_BY_BENEFICIARY)))) {
            assertThat(violations(() -> validate(declared, EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE)))
                    .as(declared.toString()).containsOnlyKeys("funding.cpf.co_payment_exemption")
                    .hasEntrySatisfying("funding.cpf.co_payment_exemption", text -> assertThat(text)
                            .contains("abondement de l'employeur ou d'un OPCO", "funding.cpf.top_up_funder"));
        }
        // an employer's or an OPCO's top-up needs an employer
        for (TopUpFunder funder : List.of(TopUpFunder.TOP_UP_BY_EMPLOYER, TopUpFunder.TOP_UP_BY_OPCO)) {
            assertThat(refusal(() -> validate(new NewFunding(180_000, cpf(150_000, CoPaymentExemption.NONE, null,
                    funder)), EmploymentStatus.SELF_EMPLOYED)))
                    .contains("abondement de l'employeur ou d'un OPCO", "« travailleur indépendant »");
            assertThat(refusal(() -> validate(new NewFunding(180_000, cpf(150_000, CoPaymentExemption.NONE, null,
                    funder)), null))).contains("« non renseignée »");
        }
    }

    @Test
    void noCpfWithinFiveYearsOfAPubliclyFundedBilanRecordedHere() {
        NewFunding cpf = new NewFunding(150_000, cpf(150_000, CoPaymentExemption.NONE, null));
        var jobSeeker = new FundingDetails.JobSeeker(JobSeekerApprover.FRANCE_TRAVAIL, "FT-2024/1");
        LocalDate recorded = LocalDate.of(2022, 3, 1);

        assertThat(refusal(() -> cpf.validate(EmploymentStatus.OTHER, List.of(recorded(jobSeeker, recorded, false)),
                TODAY, CO_PAYMENTS))).contains("« demandeur d'emploi »", "01/03/2022", "pas avant le 01/03/2027");
        // the latest counts, whatever the order
        assertThat(refusal(() -> cpf.validate(EmploymentStatus.OTHER, List.of(
                recorded(new FundingDetails.SelfFunded(), LocalDate.of(2026, 1, 5), false),
                recorded(new FundingDetails.PublicSector("Mairie", "C-1"), LocalDate.of(2021, 2, 1), false),
                recorded(new FundingDetails.PublicSector("Mairie", "C-2"), LocalDate.of(2021, 12, 1), false)),
                TODAY, CO_PAYMENTS))).contains("« administration »", "01/12/2021");
        // five years to the day after it was recorded, a cancelled one, or one paid by an employer or the person: allowed
        for (Funding earlier : List.of(recorded(jobSeeker, TODAY.minusYears(5), false),
                recorded(jobSeeker, TODAY.minusDays(30), true),
                recorded(new FundingDetails.EmployerPlan(ACME), TODAY.minusDays(30), false),
                recorded(new FundingDetails.SelfFunded(), TODAY.minusDays(30), false))) {
            assertThatCode(() -> cpf.validate(EmploymentStatus.OTHER, List.of(earlier), TODAY, CO_PAYMENTS))
                    .as(earlier.toString()).doesNotThrowAnyException();
        }
        // other types do not look back
        assertThatCode(() -> new NewFunding(150_000, new FundingDetails.SelfFunded()).validate(EmploymentStatus.OTHER,
                List.of(recorded(jobSeeker, TODAY.minusDays(30), false)), TODAY, CO_PAYMENTS)).doesNotThrowAnyException();
    }

    @Test
    void noCpfWithinFiveYearsOfAPubliclyFundedBilan() {
        LocalDate ended = LocalDate.of(2021, 11, 24);

        assertThat(refusal(() -> validate(new NewFunding(150_000, cpf(150_000,
                CoPaymentExemption.NONE, ended)), EmploymentStatus.OTHER)))
                .contains("24/11/2021", "à partir du 24/11/2026");
        // five years to the day: allowed
        assertThatCode(() -> validate(new NewFunding(150_000, cpf(150_000,
                CoPaymentExemption.NONE, ended.minusDays(1))), EmploymentStatus.OTHER)).doesNotThrowAnyException();
        assertThat(violations(() -> validate(new NewFunding(150_000, cpf(150_000,
                CoPaymentExemption.NONE, TODAY.plusDays(1))), EmploymentStatus.OTHER)))
                .containsOnlyKeys("funding.cpf.previous_public_bilan_end_date");
    }

    @Test
    void duringWorkingTimeNeedsTheEmployersLeaveAndOutsideItTheEmployerIsNotTold() {
        assertThat(violations(() -> validate(new NewFunding(150_000, new FundingDetails.Cpf("12345678", 150_000,
                CoPaymentExemption.NONE, 0, null, true, " ", TopUpFunder.NONE)), EmploymentStatus.OTHER)))
                .hasEntrySatisfying("funding.cpf.employer_leave_reference", text -> assertThat(text).contains("L6323-17"));
        assertThat(violations(() -> validate(new NewFunding(150_000, new FundingDetails.Cpf("12345678", 150_000,
                CoPaymentExemption.NONE, 0, null, false, "AUT-1", TopUpFunder.NONE)), EmploymentStatus.OTHER)))
                .containsOnlyKeys("funding.cpf.employer_leave_reference");
        assertThatCode(() -> validate(new NewFunding(150_000, new FundingDetails.Cpf("12345678", 150_000,
                CoPaymentExemption.NONE, 0, null, true, "AUT-1", TopUpFunder.NONE)), EmploymentStatus.OTHER)).doesNotThrowAnyException();
    }

    @Test
    void employerFundingsAreForPrivateSectorEmployeesWithAValidEmployer() {
        assertThat(refusal(() -> validate(new NewFunding(180_000, new FundingDetails.EmployerPlan(ACME)),
                EmploymentStatus.JOB_SEEKER))).contains("plan de développement", "« demandeur d'emploi »");
        assertThat(refusal(() -> validate(new NewFunding(180_000, new FundingDetails.RedeploymentLeave(ACME,
                TODAY)), null))).contains("congé de reclassement", "« non renseignée »");
        assertThat(violations(() -> validate(new NewFunding(180_000, new FundingDetails.EmployerPlan(
                new EmployerParty(" ", "12345678901234", ""))), EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE)))
                .containsOnlyKeys("funding.employer_plan.employer.name", "funding.employer_plan.employer.siret",
                        "funding.employer_plan.employer.signatory_name");
        assertThat(violations(() -> validate(new NewFunding(180_000, new FundingDetails.RedeploymentLeave(ACME, null)),
                EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE))).containsOnlyKeys("funding.redeployment_leave.leave_start_date");
    }

    @Test
    void aSiretIsFourteenDigitsWithItsLuhnKeyOrLaPostesRule() {
        assertThat(EmployerParty.isSiret("73282932000074")).isTrue();
        assertThat(EmployerParty.isSiret("73282932000075")).isFalse();
        assertThat(EmployerParty.isSiret("7328293200007")).isFalse();
        assertThat(EmployerParty.isSiret("7328293200007A")).isFalse();
        assertThat(EmployerParty.isSiret("35600000000001")).isTrue();
        assertThat(EmployerParty.isSiret("35600000000002")).isFalse();
        assertThat(new EmployerParty("x", " 732 829 320 00074 ", "y").siret()).isEqualTo("73282932000074");
    }

    @Test
    void jobSeekerFundingIsApprovedWithAReference() {
        assertThat(refusal(() -> validate(new NewFunding(180_000, new FundingDetails.JobSeeker(
                JobSeekerApprover.APEC, "APEC-1234")), EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE)))
                .contains("demandeurs d'emploi");
        assertThat(violations(() -> validate(new NewFunding(180_000, new FundingDetails.JobSeeker(
                null, "A1")), EmploymentStatus.JOB_SEEKER)))
                .containsOnlyKeys("funding.job_seeker.approver", "funding.job_seeker.approval_reference");
        assertThat(violations(() -> validate(new NewFunding(180_000, new FundingDetails.JobSeeker(
                JobSeekerApprover.CAP_EMPLOI, "réf 12")), EmploymentStatus.JOB_SEEKER)))
                .containsOnlyKeys("funding.job_seeker.approval_reference");
    }

    @Test
    void publicSectorFundingIsForAgentsUnderAnAgreement() {
        assertThat(refusal(() -> validate(new NewFunding(180_000, new FundingDetails.PublicSector("Mairie", "C-1")),
                EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE))).contains("agents publics");
        assertThat(violations(() -> validate(new NewFunding(180_000, new FundingDetails.PublicSector("", "")),
                EmploymentStatus.PUBLIC_SECTOR_AGENT)))
                .containsOnlyKeys("funding.public_sector.administration_name", "funding.public_sector.agreement_reference");
    }

    @Test
    void hrMayReceiveTheSynthesisOfAPublicAgentUnlessTheyObject() {
        var publicSector = new FundingDetails.PublicSector("Préfecture du Rhône", "CONV-2026-12");

        assertThat(publicSector.hrMayReceiveSynthesis(new ConsentLedger(List.of()))).isTrue();
        assertThat(publicSector.hrMayReceiveSynthesis(new ConsentLedger(List.of(
                objection(ConsentDecision.GRANTED, 1))))).isFalse();
        assertThat(publicSector.hrMayReceiveSynthesis(new ConsentLedger(List.of(
                objection(ConsentDecision.GRANTED, 1), objection(ConsentDecision.WITHDRAWN, 2))))).isTrue();
    }

    private static ConsentEntry objection(ConsentDecision decision, long sequence) {
        return new ConsentEntry("c" + sequence, "b1", ConsentKind.HR_SHARING_OBJECTION, decision, null,
                EvidenceMethod.IN_APP, "", "b1", Instant.parse("2026-11-23T09:00:00Z"), sequence);
    }

    @Test
    void theStateFollowsTheAgreementOnlyWhereOneIsNeeded() {
        Instant created = Instant.parse("2026-11-23T09:00:00Z");
        Funding plan = new Funding("f1", "b1", "c1", 180_000, new FundingDetails.EmployerPlan(ACME), created, null, 1);
        Funding self = new Funding("f2", "b1", "c1", 180_000, new FundingDetails.SelfFunded(), created, null, 1);
        Funding cancelled = new Funding("f3", "b1", "c1", 180_000, new FundingDetails.EmployerPlan(ACME), created,
                created.plusSeconds(60), 2);

        assertThat(plan.state(Optional.empty())).isEqualTo(FundingState.AWAITING_AGREEMENT);
        assertThat(plan.state(Optional.of(AgreementState.SIGNED_BY_EMPLOYEE))).isEqualTo(FundingState.AWAITING_AGREEMENT);
        assertThat(plan.state(Optional.of(AgreementState.IN_FORCE))).isEqualTo(FundingState.CONFIRMED);
        assertThat(plan.state(Optional.of(AgreementState.REFUSED))).isEqualTo(FundingState.AGREEMENT_FAILED);
        assertThat(plan.state(Optional.of(AgreementState.LAPSED))).isEqualTo(FundingState.AGREEMENT_FAILED);
        assertThat(self.state(Optional.empty())).isEqualTo(FundingState.CONFIRMED);
        assertThat(cancelled.state(Optional.of(AgreementState.IN_FORCE))).isEqualTo(FundingState.CANCELLED);
    }
}
