package fr.bilan.beneficiary.funding;

import static fr.bilan.beneficiary.RefusalAssertions.refusal;
import static fr.bilan.beneficiary.RefusalAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.profile.EmploymentStatus;

/** The funding rules that are tables in the law, one line each. */
class FundingTableTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final long CO_PAYMENT = 10_320;
    private static final EmployerParty ACME = new EmployerParty("ACME SAS", "73282932000074", "Mme Dupuis");

    private static FundingDetails details(FundingType type) {
        return switch (type) {
            case CPF -> cpf(100_000, null);
            case EMPLOYER_PLAN -> new FundingDetails.EmployerPlan(ACME);
            case REDEPLOYMENT_LEAVE -> new FundingDetails.RedeploymentLeave(ACME, TODAY.minusDays(3));
            case JOB_SEEKER_FUNDING -> new FundingDetails.JobSeeker(JobSeekerApprover.FRANCE_TRAVAIL, "FT-2026/0042");
            case PUBLIC_SECTOR -> new FundingDetails.PublicSector("Préfecture du Rhône", "CONV-2026-12");
            case SELF_FUNDED -> new FundingDetails.SelfFunded();
        };
    }

    private static FundingDetails.Cpf cpf(long amountCents, LocalDate previousPublicBilanEnd) {
        return new FundingDetails.Cpf("12345678901", amountCents, CoPaymentExemption.NONE, 0, previousPublicBilanEnd,
                false, "");
    }

    private static NewFunding validate(NewFunding funding, EmploymentStatus status, List<Funding> earlier) {
        return funding.validate(status, earlier, TODAY, CO_PAYMENT);
    }

    /** Each funding serves one situation; the CPF and the beneficiary's own money serve them all. */
    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(textBlock = """
            # type,              employment status (empty: not known), accepted
            CPF,                 PRIVATE_SECTOR_EMPLOYEE, true
            CPF,                 PUBLIC_SECTOR_AGENT,     true
            CPF,                 SELF_EMPLOYED,           true
            CPF,                 OTHER,                   true
            CPF,                 ,                        true
            EMPLOYER_PLAN,       PRIVATE_SECTOR_EMPLOYEE, true
            EMPLOYER_PLAN,       PUBLIC_SECTOR_AGENT,     false
            EMPLOYER_PLAN,       JOB_SEEKER,              false
            EMPLOYER_PLAN,       ,                        false
            REDEPLOYMENT_LEAVE,  PRIVATE_SECTOR_EMPLOYEE, true
            REDEPLOYMENT_LEAVE,  SELF_EMPLOYED,           false
            REDEPLOYMENT_LEAVE,  OTHER,                   false
            JOB_SEEKER_FUNDING,  JOB_SEEKER,              true
            JOB_SEEKER_FUNDING,  PRIVATE_SECTOR_EMPLOYEE, false
            JOB_SEEKER_FUNDING,  ,                        false
            PUBLIC_SECTOR,       PUBLIC_SECTOR_AGENT,     true
            PUBLIC_SECTOR,       PRIVATE_SECTOR_EMPLOYEE, false
            PUBLIC_SECTOR,       OTHER,                   false
            SELF_FUNDED,         JOB_SEEKER,              true
            SELF_FUNDED,         OTHER,                   true
            SELF_FUNDED,         ,                        true
            """)
    void eachTypeServesItsSituation(FundingType type, EmploymentStatus status, boolean accepted) {
        NewFunding funding = new NewFunding(180_000, details(type));

        if (accepted) {
            assertThat(validate(funding, status, List.of()).details().type()).isEqualTo(type);
        } else {
            assertThat(refusal(() -> validate(funding, status, List.of())))
                    .contains("situation professionnelle enregistrée");
        }
    }

    /** The CPF pays at most €1,600 (D6323-6), and never more than the price. */
    @ParameterizedTest(name = "CPF {1} cents for a price of {0}: {2}")
    @CsvSource(textBlock = """
            # price, CPF amount, outcome
            200000,  1,       ACCEPTED
            200000,  159999,  ACCEPTED
            200000,  160000,  ACCEPTED
            200000,  160001,  OVER_THE_CAP
            500000,  480000,  OVER_THE_CAP
            150000,  150000,  ACCEPTED
            150000,  150001,  INVALID_AMOUNT
            200000,  0,       INVALID_AMOUNT
            200000,  -1,      INVALID_AMOUNT
            """)
    void theCpfPaysAtMostItsCapAndThePrice(long price, long amount, String outcome) {
        NewFunding funding = new NewFunding(price, cpf(amount, null));

        switch (outcome) {
            case "ACCEPTED" -> assertThatCode(() -> validate(funding, EmploymentStatus.OTHER, List.of()))
                    .doesNotThrowAnyException();
            case "OVER_THE_CAP" -> assertThat(refusal(() -> validate(funding, EmploymentStatus.OTHER, List.of())))
                    .contains("D6323-6", France.euros(NewFunding.CPF_CAP_CENTS));
            default -> assertThat(violations(() -> validate(funding, EmploymentStatus.OTHER, List.of())))
                    .containsOnlyKeys("funding.cpf.amount_cents");
        }
    }

    /**
     * No CPF within 5 years of the end of a bilan paid with public or mutualised money: declared, or
     * known here from when its funding was recorded (today is 23/11/2026).
     */
    @ParameterizedTest(name = "declared end {0}, public funding recorded here {1}: {2}")
    @CsvSource(textBlock = """
            # declared end of the previous public bilan, public funding recorded here, accepted
            2021-11-22, ,           true
            2021-11-23, ,           true
            2021-11-24, ,           false
            2024-06-30, ,           false
            ,           2021-11-23, true
            ,           2021-11-24, false
            ,           2026-11-01, false
            2021-01-01, 2021-01-01, true
            """)
    void noCpfWithinFiveYearsOfAPubliclyFundedBilan(LocalDate declaredEnd, LocalDate recordedHere, boolean accepted) {
        List<Funding> earlier = recordedHere == null ? List.of() : List.of(new Funding("f0", "b1", "c1", 150_000,
                new FundingDetails.JobSeeker(JobSeekerApprover.APEC, "APEC-1234"),
                France.startOf(recordedHere).plusSeconds(9 * 3600), null, 1));
        NewFunding funding = new NewFunding(150_000, cpf(150_000, declaredEnd));

        if (accepted) {
            assertThatCode(() -> validate(funding, EmploymentStatus.OTHER, earlier)).doesNotThrowAnyException();
        } else {
            assertThat(refusal(() -> validate(funding, EmploymentStatus.OTHER, earlier))).contains("5 ans");
        }
    }

    /** Where a funding stands follows its agreement, for the types that need one. */
    @ParameterizedTest(name = "{0} with its agreement {1}: {2}")
    @CsvSource(textBlock = """
            # type,             agreement state (empty: none drafted), funding state
            EMPLOYER_PLAN,      ,                   AWAITING_AGREEMENT
            EMPLOYER_PLAN,      DRAFT,              AWAITING_AGREEMENT
            EMPLOYER_PLAN,      SENT,               AWAITING_AGREEMENT
            EMPLOYER_PLAN,      SIGNED_BY_EMPLOYEE, AWAITING_AGREEMENT
            EMPLOYER_PLAN,      IN_FORCE,           CONFIRMED
            EMPLOYER_PLAN,      REFUSED,            AGREEMENT_FAILED
            REDEPLOYMENT_LEAVE, LAPSED,             AGREEMENT_FAILED
            CPF,                ,                   CONFIRMED
            SELF_FUNDED,        ,                   CONFIRMED
            """)
    void theStateFollowsTheAgreementWhereOneIsNeeded(FundingType type, AgreementState agreement, FundingState state) {
        Funding funding = new Funding("f1", "b1", "c1", 180_000, details(type), Instant.parse("2026-11-23T09:00:00Z"),
                null, 1);

        assertThat(funding.state(java.util.Optional.ofNullable(agreement))).isEqualTo(state);
    }
}
