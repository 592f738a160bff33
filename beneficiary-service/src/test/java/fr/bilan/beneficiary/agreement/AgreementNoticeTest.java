package fr.bilan.beneficiary.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.funding.AgreementState;
import fr.bilan.beneficiary.funding.EmployerParty;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingDetails;

/** What notification-service is told of an agreement, as a table of its states and of its changes. */
class AgreementNoticeTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    private static final EmployerParty ACME = new EmployerParty("ACME SAS", "73282932000074", "Mme Dupuis");
    private static final Funding FUNDING = new Funding("f1", "b1", "c1", 180_000, new FundingDetails.EmployerPlan(ACME),
            CREATED, null, 1);
    private static final AgreementMentions COMPLETE = new AgreementMentions("Bilan de compétences",
            "Construire un projet professionnel", "Trois phases", "Entretiens, tests", 24, LocalDate.of(2027, 1, 4),
            LocalDate.of(2027, 3, 26), "Séances hebdomadaires", "Remise en main propre", 180_000, "À 30 jours");
    private static final Agreement DRAFT = new Agreement("a1", "f1", "b1", "c1", ACME, AgreementState.DRAFT, COMPLETE,
            null, null, List.of(), null, null, CREATED, CREATED, null, 1);
    private static final Instant SENT_AT = Instant.parse("2026-01-06T10:00:00Z");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            DRAFT,              NONE
            SENT,               AWAITING_SIGNATURE
            SIGNED_BY_EMPLOYEE, SETTLED
            IN_FORCE,           SETTLED
            REFUSED,            SETTLED
            LAPSED,             SETTLED
            """)
    void eachStateCallsForItsNotice(AgreementState state, String notice) {
        assertThat(AgreementNotice.of(state).map(Enum::name).orElse("NONE")).isEqualTo(notice);
    }

    @ParameterizedTest(name = "{0}, its funding cancelled while it awaited a signature: {1}")
    @CsvSource(textBlock = """
            SENT,               SETTLED
            SIGNED_BY_EMPLOYEE, SETTLED
            REFUSED,            SETTLED
            LAPSED,             SETTLED
            """)
    void aFundingCancelledSettlesAnAgreementAwaitingSignature(AgreementState state, String notice) {
        assertThat(AgreementNotice.of(state, Optional.of(CREATED)).map(Enum::name).orElse("NONE")).isEqualTo(notice);
        assertThat(AgreementNotice.of(state, Optional.empty())).isEqualTo(AgreementNotice.of(state));
    }

    @ParameterizedTest(name = "{0} to {1}: new notice {2}")
    @CsvSource(textBlock = """
            DRAFT,              DRAFT,              false
            DRAFT,              SENT,               true
            SENT,               SIGNED_BY_EMPLOYEE, true
            SENT,               REFUSED,            true
            SENT,               LAPSED,             true
            SIGNED_BY_EMPLOYEE, SIGNED_BY_EMPLOYEE, false
            SIGNED_BY_EMPLOYEE, IN_FORCE,           false
            """)
    void onlyAChangeOfNoticeIsToldAgain(AgreementState before, AgreementState after, boolean told) {
        assertThat(AgreementNotice.isNew(before, after)).isEqualTo(told);
    }

    @Test
    void eachNoticeOfAnAgreementHasItsOwnEventIdThatTheIntakeKeeps() {
        String id = UUID.randomUUID().toString();

        assertThat(AgreementNotice.AWAITING_SIGNATURE.eventId(id)).isEqualTo("agreement/" + id + "/awaiting")
                .hasSizeLessThanOrEqualTo(64);
        assertThat(AgreementNotice.SETTLED.eventId(id)).isEqualTo("agreement/" + id + "/settled")
                .hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void eachNoticeHappenedWhenTheEmployeeReceivedAnsweredOrLetTheDaysRunOut() {
        Agreement sent = AgreementLifecycle.send(DRAFT, FUNDING, null, SENT_AT);
        Instant signedAt = SENT_AT.plusSeconds(86_400);
        Agreement signed = AgreementLifecycle.sign(sent, FUNDING, new Signature(AgreementParty.EMPLOYEE,
                EvidenceMethod.IN_APP, "", "employee", signedAt), true, signedAt);
        Instant centreAt = signedAt.plusSeconds(3_600);
        Agreement byCentre = AgreementLifecycle.sign(signed, FUNDING, new Signature(AgreementParty.PROVIDER,
                EvidenceMethod.SIGNED_FORM, "ab".repeat(32), "manager", centreAt), false, centreAt);
        Agreement refused = AgreementLifecycle.refuse(sent, new Signature(AgreementParty.EMPLOYEE,
                EvidenceMethod.IN_APP, "", "employee", signedAt), true, signedAt);
        Instant lapse = sent.lapseTime().orElseThrow();
        Agreement lapsed = AgreementLifecycle.asOf(sent, lapse.plusSeconds(60));

        assertThat(AgreementNotice.AWAITING_SIGNATURE.occurTime(sent, Optional.empty())).isEqualTo(SENT_AT);
        assertThat(AgreementNotice.SETTLED.occurTime(signed, Optional.empty())).isEqualTo(signedAt);
        assertThat(AgreementNotice.SETTLED.occurTime(byCentre, Optional.empty())).as("the centre's signature came later")
                .isEqualTo(signedAt);
        assertThat(AgreementNotice.SETTLED.occurTime(refused, Optional.empty())).isEqualTo(signedAt);
        assertThat(AgreementNotice.SETTLED.occurTime(lapsed, Optional.empty())).isEqualTo(lapse);
        Instant cancelledAt = signedAt;
        assertThat(AgreementNotice.SETTLED.occurTime(sent, Optional.of(cancelledAt))).as("the funding cancelled")
                .isEqualTo(cancelledAt);
    }
}
