package fr.bilan.beneficiary.agreement;

import static fr.bilan.beneficiary.RefusalAssertions.refusal;
import static fr.bilan.beneficiary.RefusalAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.funding.AgreementState;
import fr.bilan.beneficiary.funding.EmployerParty;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingDetails;

/**
 * The 10 days of R6313-8 as a table: the employee who received the agreement on a day has until the
 * end of the tenth day after it, in Paris, to sign; from 00:00 on day 11 silence has meant refusal.
 * Month and year ends, the leap day and both daylight saving changes included.
 */
class AgreementLapseTableTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    private static final EmployerParty ACME = new EmployerParty("ACME SAS", "73282932000074", "Mme Dupuis");
    private static final Funding FUNDING = new Funding("f1", "b1", "c1", 180_000, new FundingDetails.EmployerPlan(ACME),
            CREATED, null, 1);
    private static final AgreementMentions COMPLETE = new AgreementMentions("Bilan de compétences",
            "Construire un projet professionnel", "Trois phases", "Entretiens, tests", 24, LocalDate.of(2027, 1, 4),
            LocalDate.of(2027, 3, 26), "Séances hebdomadaires", "Remise en main propre", 180_000, "À 30 jours");
    private static final Agreement DRAFT = new Agreement("a1", "f1", "b1", "c1", ACME, AgreementState.DRAFT, COMPLETE,
            null, null, List.of(), null, null, CREATED, CREATED, null, 1);

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(France.ZONE).toInstant();
    }

    private static Agreement sentOn(LocalDate received) {
        return AgreementLifecycle.send(DRAFT, FUNDING, received, France.startOf(received).plusSeconds(3600));
    }

    private static Signature employee(Instant time) {
        return new Signature(AgreementParty.EMPLOYEE, EvidenceMethod.IN_APP, "", "employee", time);
    }

    @ParameterizedTest(name = "received {0}, deadline {1}, at {2} in Paris: {3}")
    @CsvSource(textBlock = """
            # received,  deadline,   moment (Paris),      outcome
            2026-11-23, 2026-12-03, 2026-11-23T10:00,    SIGNED
            2026-11-23, 2026-12-03, 2026-12-03T23:59:59, SIGNED
            2026-11-23, 2026-12-03, 2026-12-04T00:00,    LAPSED
            2026-11-23, 2026-12-03, 2027-01-15T12:00,    LAPSED
            2026-12-25, 2027-01-04, 2027-01-04T23:59:59, SIGNED
            2026-12-25, 2027-01-04, 2027-01-05T00:00,    LAPSED
            2026-02-18, 2026-02-28, 2026-02-28T23:59:59, SIGNED
            2026-02-18, 2026-02-28, 2026-03-01T00:00,    LAPSED
            2028-02-19, 2028-02-29, 2028-02-29T23:59:59, SIGNED
            2028-02-19, 2028-02-29, 2028-03-01T00:00,    LAPSED
            2026-03-19, 2026-03-29, 2026-03-29T23:59:59, SIGNED
            2026-03-19, 2026-03-29, 2026-03-30T00:00,    LAPSED
            2026-10-15, 2026-10-25, 2026-10-25T23:59:59, SIGNED
            2026-10-15, 2026-10-25, 2026-10-26T00:00,    LAPSED
            """)
    void theEmployeeSignsUntilTheEndOfTheTenthDayInParis(LocalDate received, LocalDate deadline, LocalDateTime moment,
            String outcome) {
        Agreement sent = sentOn(received);
        Instant now = moment.atZone(France.ZONE).toInstant();

        assertThat(sent.employeeDeadlineDate()).isEqualTo(deadline);
        assertThat(sent.lapseTime()).contains(France.startOf(deadline.plusDays(1)));
        if (outcome.equals("SIGNED")) {
            assertThat(AgreementLifecycle.isOverdue(sent, now)).isFalse();
            assertThat(AgreementLifecycle.sign(sent, FUNDING, employee(now), true, now).state())
                    .isEqualTo(AgreementState.SIGNED_BY_EMPLOYEE);
        } else {
            assertThat(AgreementLifecycle.isOverdue(sent, now)).isTrue();
            assertThat(AgreementLifecycle.asOf(sent, now).state()).isEqualTo(AgreementState.LAPSED);
            assertThat(refusal(() -> AgreementLifecycle.sign(sent, FUNDING, employee(now), true, now)))
                    .isEqualTo(AgreementLifecycle.LAPSED_REASON);
            assertThat(refusal(() -> AgreementLifecycle.refuse(sent, employee(now), true, now)))
                    .isEqualTo(AgreementLifecycle.LAPSED_REASON);
        }
    }

    @ParameterizedTest(name = "received {0} days from today: {1}")
    @CsvSource(textBlock = """
            # days from today, accepted
            -11, false
            -10, true
            -1,  true
            0,   true
            1,   false
            """)
    void theDayOfReceiptIsNotInTheFutureNorOlderThanTheTenDays(int days, boolean accepted) {
        Instant now = paris("2026-11-23T10:00");
        LocalDate received = LocalDate.of(2026, 11, 23).plusDays(days);

        if (accepted) {
            assertThat(AgreementLifecycle.send(DRAFT, FUNDING, received, now).receiveDate()).isEqualTo(received);
        } else {
            assertThat(violations(() -> AgreementLifecycle.send(DRAFT, FUNDING, received, now)))
                    .containsOnlyKeys("receive_date");
        }
    }
}
