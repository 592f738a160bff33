package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The destruction of a bilan's process evidence three years after the end of its action
 * (L6362-6): what the stub keeps and nothing else, and what it refuses after, in French.
 */
class EvidenceDestructionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant CREATED = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant ENDED = Instant.parse("2027-01-15T16:00:00Z");
    /** 1 March 2030 in Paris, three years and some weeks after the end. */
    private static final Instant DESTROYED = Instant.parse("2030-03-01T01:30:00Z");
    private static final String GONE = "Les séances, les heures et les feuilles d'émargement de ce bilan ont été "
            + "détruites le 1er mars 2030 : la loi les fait conserver trois ans après la fin de l'action, pour les "
            + "contrôles (Code du travail, art. L6362-6), puis détruire";

    /**
     * A bilan ended with the synthèse, as it runs in full: two consultants, signed sessions, the
     * beneficiary's personal work, a funding, a reason.
     */
    private static Assessment ended(AssessmentState state) {
        ScheduledSession attended = new ScheduledSession("s-1", Phase.PRELIMINARY,
                new Slot(Instant.parse("2026-10-05T08:00:00Z"), Duration.ofHours(2)), Place.video("https://visio/abc"),
                "consultant-2", SessionStatus.ATTENDED, List.of(
                        new AttendanceSignature(Signer.BENEFICIARY, Instant.parse("2026-10-05T08:30:00Z"), "IN_APP_SIGNATURE"),
                        new AttendanceSignature(Signer.CONSULTANT, Instant.parse("2026-10-05T08:31:00Z"), "PAPER_SHEET")),
                null, 0, CREATED);
        ScheduledSession cancelled = new ScheduledSession("s-2", Phase.CONCLUSION,
                new Slot(Instant.parse("2027-01-20T08:00:00Z"), Duration.ofHours(2)), Place.room("salle-3"),
                "consultant-2", SessionStatus.CANCELLED, List.of(), "fin de l'action", 1, ENDED);
        return new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", "funding-1", DeliveryFormat.HYBRID,
                state, "Conclusion sans remise", List.of(
                        new Assignment("consultant-1", CREATED, Instant.parse("2026-10-01T08:00:00Z"), "manager-1"),
                        new Assignment("consultant-2", Instant.parse("2026-10-01T08:00:00Z"), null, "manager-1")),
                List.of(attended, cancelled), List.of(new PersonalWork("w-1", Phase.INVESTIGATION,
                        PersonalWorkKind.PROFESSIONAL_SURVEY, LocalDate.of(2026, 11, 3), Duration.ofMinutes(90),
                        "consultant-2", Instant.parse("2026-11-04T09:00:00Z"))), Instant.parse("2027-01-14T10:00:00Z"), ENDED, LocalDate.of(2027, 7, 15),
                new FundingTerms("EMPLOYER_PLAN", new FundingTerms.Funder(FundingTerms.FunderKind.EMPLOYER, "Acme",
                        "73282932000074"), Instant.parse("2026-09-20T14:00:00Z")),
                CREATED, null, 12);
    }

    @Test
    void theStubKeepsWhatNamesTheBilanAndWhereItStandsAndNothingOfHowItRan() {
        Assessment stub = ended(AssessmentState.FOLLOW_UP).evidenceDestroyed(DESTROYED);

        assertThat(stub).isEqualTo(new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", null, null,
                AssessmentState.FOLLOW_UP, null, List.of(), List.of(), List.of(), null, ENDED, null, null, CREATED, DESTROYED,
                12));
        assertThat(stub.consultantId()).isEmpty();
    }

    @Test
    void destroyingAgainChangesNothing() {
        Assessment stub = ended(AssessmentState.CLOSED).evidenceDestroyed(DESTROYED);

        assertThat(stub.evidenceDestroyed(DESTROYED.plus(Duration.ofDays(1)))).isSameAs(stub);
    }

    @Test
    void theEvidenceOfABilanWhoseActionRunsIsNeverDestroyed() {
        Assessment running = new Assessment("bilan-2", "beneficiary-1", "account-1", "centre-lyon", null,
                DeliveryFormat.REMOTE, AssessmentState.INVESTIGATION, null,
                List.of(new Assignment("consultant-1", CREATED, null, "consultant-1")), List.of(), List.of(), null, null,
                null, null, CREATED, null, 3);

        assertThatThrownBy(() -> running.evidenceDestroyed(DESTROYED)).isInstanceOf(RuleRefusal.class)
                .hasMessage("L'action de ce bilan n'est pas terminée : ses pièces justificatives ne se détruisent que "
                        + "trois ans après sa fin (Code du travail, art. L6362-6).");
    }

    @Test
    void itsSessionsAndAttendanceAreThenRefusedSayingWhenAndWhy() {
        Assessment stub = ended(AssessmentState.CLOSED).evidenceDestroyed(DESTROYED);

        assertThatThrownBy(stub::keptSessions).isInstanceOf(EvidenceDestroyed.class).hasMessage(GONE + ".");
        assertThatThrownBy(() -> stub.session("s-1")).isInstanceOf(EvidenceDestroyed.class)
                .hasMessage(GONE + " : ce bilan ne change plus.");
        assertThat(ended(AssessmentState.CLOSED).keptSessions()).hasSize(2);
    }

    @Test
    void theStubNoLongerChanges() {
        Assessment stub = ended(AssessmentState.ACTION_ENDED).evidenceDestroyed(DESTROYED);
        Instant now = DESTROYED.plus(Duration.ofDays(2));
        List<UnaryOperator<Assessment>> changes = List.of(
                bilan -> bilan.move(AssessmentState.CLOSED, "", false, null, false, now, new FollowUpOffer(6), PARIS),
                bilan -> bilan.reassign("consultant-3", "manager-1", now),
                bilan -> bilan.cancel("s-2", "plus besoin", now),
                bilan -> bilan.sign("s-1", new AttendanceSignature(Signer.BENEFICIARY, now, "IN_APP_SIGNATURE")),
                bilan -> bilan.markAbsent("s-1", now),
                bilan -> bilan.fundedBy("funding-2"),
                bilan -> bilan.recordPersonalWork(new PersonalWork("w-2", Phase.CONCLUSION,
                        PersonalWorkKind.DOCUMENTARY_RESEARCH, LocalDate.of(2030, 3, 2), Duration.ofHours(1),
                        "consultant-2", now), PARIS),
                bilan -> {
                    bilan.checkPhaseOpen(Phase.FOLLOW_UP);
                    return bilan;
                });

        for (UnaryOperator<Assessment> change : changes) {
            assertThatThrownBy(() -> change.apply(stub)).isInstanceOf(EvidenceDestroyed.class)
                    .hasMessage(GONE + " : ce bilan ne change plus.");
        }
        // moving to where it stands is a retry, and a late hand-over report would be evidence again
        assertThat(stub.move(AssessmentState.ACTION_ENDED, "", false, null, false, now, new FollowUpOffer(6), PARIS))
                .isSameAs(stub);
        assertThat(stub.synthesisHandedOver(now)).isSameAs(stub);
    }
}
