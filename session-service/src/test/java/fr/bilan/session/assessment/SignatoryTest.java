package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.Forbidden;

/** Who signs a session's attendance sheet for whom, and how: the rule as a table, without gRPC. */
class SignatoryTest {

    private static final Instant START = Instant.parse("2026-12-01T13:00:00Z");
    private static final String PAPER_ONLY = "Le consultant ne reporte la signature du bénéficiaire que depuis une "
            + "feuille d'émargement papier signée (PAPER_SHEET).";
    private static final String EACH_THEIR_OWN = "Seuls le bénéficiaire et le consultant de la séance signent sa "
            + "feuille d'émargement, chacun pour soi.";

    /**
     * The caller (their login, whether they are the bilan's beneficiary, whether a consultant of its
     * centre; the session is led by consultant-1), whose signature they say it is (empty: their own)
     * and how: whose signature it is, or the refusal.
     */
    @ParameterizedTest(name = "{0} beneficiary={1} consultant={2} asks {3} by {4}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            account-1    | true  | false | ''          | IN_APP_SIGNATURE     | BENEFICIARY
            account-1    | true  | false | BENEFICIARY | PAPER_SHEET          | BENEFICIARY
            account-1    | true  | false | CONSULTANT  | IN_APP_SIGNATURE     | EACH_THEIR_OWN
            consultant-1 | false | true  | ''          | IN_APP_SIGNATURE     | CONSULTANT
            consultant-1 | false | true  | CONSULTANT  | ELECTRONIC_SIGNATURE | CONSULTANT
            consultant-1 | false | true  | BENEFICIARY | PAPER_SHEET          | BENEFICIARY
            consultant-1 | false | true  | BENEFICIARY | IN_APP_SIGNATURE     | PAPER_ONLY
            consultant-1 | false | true  | BENEFICIARY | ELECTRONIC_SIGNATURE | PAPER_ONLY
            consultant-2 | false | true  | ''          | IN_APP_SIGNATURE     | EACH_THEIR_OWN
            consultant-2 | false | true  | BENEFICIARY | PAPER_SHEET          | EACH_THEIR_OWN
            consultant-1 | false | false | ''          | IN_APP_SIGNATURE     | EACH_THEIR_OWN
            consultant-1 | true  | true  | CONSULTANT  | IN_APP_SIGNATURE     | CONSULTANT
            consultant-1 | true  | true  | ''          | IN_APP_SIGNATURE     | BENEFICIARY
            someone      | false | false | BENEFICIARY | PAPER_SHEET          | EACH_THEIR_OWN
            """)
    void whoSignsForWhom(String subject, boolean beneficiary, boolean consultantOfCentre, String asked,
            SignatureMethod method, String outcome) {
        Signatory signatory = new Signatory(subject, beneficiary, consultantOfCentre);
        Optional<Signer> whose = asked.isEmpty() ? Optional.empty() : Optional.of(Signer.valueOf(asked));

        switch (outcome) {
            case "PAPER_ONLY" -> assertThatThrownBy(() -> signatory.signerFor(session(), whose, method))
                    .isInstanceOf(Forbidden.class).hasMessage(PAPER_ONLY);
            case "EACH_THEIR_OWN" -> assertThatThrownBy(() -> signatory.signerFor(session(), whose, method))
                    .isInstanceOf(Forbidden.class).hasMessage(EACH_THEIR_OWN);
            default -> assertThat(signatory.signerFor(session(), whose, method)).isEqualTo(Signer.valueOf(outcome));
        }
    }

    @Test
    void theConsultantCarriesOverThePaperSheetAsTheBeneficiarysSignature() {
        Assessment bilan = new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", null,
                DeliveryFormat.ON_SITE, AssessmentState.PRELIMINARY, null,
                List.of(new Assignment("consultant-1", START.minus(Duration.ofDays(30)), null, "consultant-1")),
                List.of(session()), List.of(), null, null, null, null, START.minus(Duration.ofDays(30)), null, 1);
        Instant now = START.plus(Duration.ofHours(3));

        Assessment signed = bilan.signAttendance("s-1", new Signatory("consultant-1", false, true),
                Optional.of(Signer.BENEFICIARY), SignatureMethod.PAPER_SHEET, now);

        assertThat(signed.session("s-1").orElseThrow().signatures())
                .containsExactly(new AttendanceSignature(Signer.BENEFICIARY, now, "PAPER_SHEET"));
        assertThatThrownBy(() -> bilan.signAttendance("s-1", new Signatory("consultant-1", false, true),
                Optional.of(Signer.BENEFICIARY), SignatureMethod.IN_APP_SIGNATURE, now)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> bilan.signAttendance("s-2", new Signatory("consultant-1", false, true),
                Optional.empty(), SignatureMethod.IN_APP_SIGNATURE, now)).isInstanceOf(Assessment.UnknownSession.class);
    }

    private static ScheduledSession session() {
        return new ScheduledSession("s-1", Phase.PRELIMINARY, new Slot(START, Duration.ofHours(2)), Place.room("salle-1"),
                "consultant-1", SessionStatus.PLANNED, List.of(), null, 0, START.minus(Duration.ofDays(7)));
    }
}
