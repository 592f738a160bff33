package fr.bilan.beneficiary.funding;

import static fr.bilan.beneficiary.RefusalAssertions.refusal;
import static fr.bilan.beneficiary.RefusalAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final CoPaymentSchedule CO_PAYMENTS = CoPaymentSchedule.BUILT_IN;
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
        return cpf(amountCents, previousPublicBilanEnd, TopUpFunder.NONE);
    }

    private static FundingDetails.Cpf cpf(long amountCents, LocalDate previousPublicBilanEnd, TopUpFunder funder) {
        return new FundingDetails.Cpf("12345678901", amountCents, CoPaymentExemption.NONE, 0, previousPublicBilanEnd,
                false, "", funder);
    }

    private static NewFunding validate(NewFunding funding, EmploymentStatus status, List<Funding> earlier) {
        return funding.validate(status, earlier, TODAY, CO_PAYMENTS);
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
                    .contains("D6323-6", France.euros(NewFunding.CPF_CAP_CENTS), "funding.cpf.amount_cents",
                            "funding.cpf.top_up_funder");
            default -> assertThat(violations(() -> validate(funding, EmploymentStatus.OTHER, List.of())))
                    .containsOnlyKeys("funding.cpf.amount_cents");
        }
    }

    /**
     * The co-payment (R6323-6) in force on the day the funding is recorded: none before 2 May 2024,
     * then each amount from its day.
     */
    @ParameterizedTest(name = "recorded on {0}: {1} cents")
    @CsvSource(textBlock = """
            # day recorded (Paris), co-payment in cents
            2024-05-01, 0
            2024-05-02, 10000
            2024-12-31, 10000
            2025-01-01, 10223
            2025-12-31, 10223
            2026-01-01, 10320
            2026-11-23, 10320
            """)
    void theCoPaymentIsTheOneInForceOnTheDayTheFundingIsRecorded(LocalDate day, long cents) {
        FundingDetails.Cpf decided = (FundingDetails.Cpf) new NewFunding(150_000, cpf(150_000, null))
                .validate(EmploymentStatus.OTHER, List.of(), day, CoPaymentSchedule.BUILT_IN).details();

        assertThat(CoPaymentSchedule.BUILT_IN.amountOn(day)).isEqualTo(cents);
        assertThat(decided.coPaymentCents()).isEqualTo(cents);
        assertThat(decided.coPaymentReason()).isEqualTo(cents == 0
                ? "Aucune participation forfaitaire n'était en vigueur le jour où le financement a été enregistré "
                        + "(elle est due depuis le 02/05/2024)."
                : "Participation forfaitaire due par le bénéficiaire : " + France.euros(cents) + ".");
    }

    /**
     * An operator adds a later amount; the decrees' own cannot be changed, nor a day put among them
     * (built in: 2024-05-02 10000, 2025-01-01 10223, 2026-01-01 10320).
     */
    @ParameterizedTest(name = "{0}: on {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # amounts added (day=cents;…) | day asked | cents, or REFUSED
                                          | 2027-06-01 | 10320
            2027-01-01=10500              | 2026-12-31 | 10320
            2027-01-01=10500              | 2027-01-01 | 10500
            2026-01-01=10320;2027-01-01=10500 | 2027-06-01 | 10500
            2024-05-02=10000;2025-01-01=10223;2026-01-01=10320;2027-01-01=10500;2028-01-01=0 | 2028-01-01 | 0
            2027-01-01=10500;2027-01-01=10500 | 2027-01-01 | 10500
            2026-01-01=10400              | 2026-06-01 | REFUSED
            2025-06-01=10100              | 2025-06-01 | REFUSED
            2024-01-01=5000               | 2024-01-01 | REFUSED
            2027-01-01=10500;2027-01-01=10600 | 2027-01-01 | REFUSED
            """)
    void anOperatorAddsLaterAmountsButNeverRewritesTheDecrees(String added, LocalDate day, String outcome) {
        List<CoPaymentSchedule.DatedAmount> amounts = added == null ? List.of() : java.util.Arrays.stream(added.split(";"))
                .map(pair -> new CoPaymentSchedule.DatedAmount(LocalDate.parse(pair.split("=")[0]),
                        Long.parseLong(pair.split("=")[1]))).toList();

        if (outcome.equals("REFUSED")) {
            assertThatThrownBy(() -> CoPaymentSchedule.BUILT_IN.with(amounts))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bilan.funding.cpf-co-payments");
        } else {
            assertThat(CoPaymentSchedule.BUILT_IN.with(amounts).amountOn(day)).isEqualTo(Long.parseLong(outcome));
        }
    }

    /**
     * What the CPF does not pay of the price is a top-up to finance, shown with its financer (to
     * find, when none is named); a financer named with nothing left is refused. The co-payment
     * (103,20 € here) is owed apart.
     */
    @ParameterizedTest(name = "price {0}, CPF {1}, {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # price  | CPF amount | top-up financer          | top-up cents, or the field refused | reason
            160000   | 160000     | NONE                     | 0      | Aucun reste à financer : le CPF prend en charge tout le prix du bilan.
            205000   | 160000     | TOP_UP_BY_EMPLOYER       | 45000  | Reste à financer : 450,00 € au-delà du plafond CPF de 1 600,00 €, abondement de l'employeur.
            205000   | 160000     | NONE                     | 45000  | Reste à financer : 450,00 € au-delà du plafond CPF de 1 600,00 €, financeur à trouver. La participation forfaitaire (103,20 €) est due à part par le bénéficiaire.
            160001   | 160000     | TOP_UP_BY_BENEFICIARY    | 1      | Reste à financer : 0,01 € au-delà du plafond CPF de 1 600,00 €, à la charge du bénéficiaire. La participation forfaitaire (103,20 €) est due à part par le bénéficiaire.
            150000   | 120000     | TOP_UP_BY_OPCO           | 30000  | Reste à financer : 300,00 € que le CPF ne prend pas en charge, abondement d'un opérateur de compétences (OPCO).
            160000   | 159999     | TOP_UP_BY_REGION         | 1      | Reste à financer : 0,01 € que le CPF ne prend pas en charge, abondement de la région. La participation forfaitaire (103,20 €) est due à part par le bénéficiaire.
            205000   | 100000     | TOP_UP_BY_FRANCE_TRAVAIL | 105000 | Reste à financer : 1 050,00 €, dont 450,00 € au-delà du plafond CPF de 1 600,00 €, abondement de France Travail. La participation forfaitaire (103,20 €) est due à part par le bénéficiaire.
            160000   | 130000     | TOP_UP_BY_OTHER          | 30000  | Reste à financer : 300,00 € que le CPF ne prend pas en charge, autre financeur. La participation forfaitaire (103,20 €) est due à part par le bénéficiaire.
            150000   | 150000     | TOP_UP_BY_EMPLOYER       | funding.cpf.top_up_funder |
            150000   | 150000     | TOP_UP_BY_BENEFICIARY    | funding.cpf.top_up_funder |
            150000   | 150000     |                          | funding.cpf.top_up_funder |
            205000   | 205000     | TOP_UP_BY_EMPLOYER       | OVER_THE_CAP |
            """)
    void whatTheCpfDoesNotPayIsATopUpToFinance(long price, long amount, TopUpFunder funder, String outcome,
            String reason) {
        NewFunding funding = new NewFunding(price, cpf(amount, null, funder));

        if (outcome.equals("OVER_THE_CAP")) {
            assertThat(refusal(() -> validate(funding, EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, List.of())))
                    .contains("funding.cpf.amount_cents", "funding.cpf.top_up_funder");
        } else if (outcome.startsWith("funding.")) {
            assertThat(violations(() -> validate(funding, EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, List.of())))
                    .containsOnlyKeys(outcome);
        } else {
            FundingDetails.Cpf decided = (FundingDetails.Cpf) validate(funding,
                    EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, List.of()).details();
            assertThat(decided.topUpCents(price)).isEqualTo(Long.parseLong(outcome));
            // France.euros groups thousands with the JDK's French separator (a no-break space)
            assertThat(decided.topUpReason(price)).isEqualTo(reason.replaceAll("(\\d) (\\d{3},)",
                    "$1" + France.euros(100_000).charAt(1) + "$2"));
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
