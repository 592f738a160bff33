package fr.bilan.session.qualityfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import fr.bilan.proto.quality.internal.v1.BilanOutcome;
import fr.bilan.proto.quality.internal.v1.FactPhase;
import fr.bilan.proto.quality.internal.v1.FunderRef;
import fr.bilan.proto.quality.internal.v1.PhaseHours;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.quality.v1.FunderKind;
import fr.bilan.session.assessment.BilanFacts;
import fr.bilan.session.assessment.FundingTerms;
import fr.bilan.session.calendar.Phase;
import fr.bilan.support.testing.FakeQualityIntake;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** A bilan's facts as quality-service's intake reads them: the centre's days, every field it takes. */
class BilanFactsMessagesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");

    /**
     * The centre's days as a table: an instant, the centre's zone and the day told. Just after midnight
     * in Paris is still the day before in UTC; La Réunion is four hours ahead.
     */
    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-07T23:30:00Z | Europe/Paris   | 2026-12-08
            2026-12-07T22:30:00Z | Europe/Paris   | 2026-12-07
            2026-12-07T20:30:00Z | Indian/Reunion | 2026-12-08
            2026-07-01T21:59:00Z | Europe/Paris   | 2026-07-01
            2026-07-01T22:00:00Z | Europe/Paris   | 2026-07-02
            """)
    void theStartAndTheEndAreTheCentresDays(Instant time, ZoneId zone, LocalDate day) {
        BilanFacts facts = new BilanFacts("a", "b", "c", "", "WITHDRAWN", time, time, null, List.of(), null, null,
                null);

        RecordBilanFactsRequest request = BilanFactsMessages.request(facts, 4, zone);

        assertThat(request.getFacts().getStartDate()).isEqualTo(ProtoDates.of(day));
        assertThat(request.getFacts().getEndDate()).isEqualTo(ProtoDates.of(day));
    }

    @Test
    void everyFactIsToldUnderTheBilansVersionAndTheIntakeWouldTakeIt() {
        Instant handover = Instant.parse("2026-12-07T15:00:00Z");
        BilanFacts facts = new BilanFacts("bilan-1", "beneficiary-1", "centre-reunion", "consultant-1", "COMPLETED",
                Instant.parse("2026-09-14T06:00:00Z"), Instant.parse("2026-12-07T16:00:00Z"), handover,
                List.of(new BilanFacts.PhaseFacts(Phase.PRELIMINARY, 240, 180, 2, 1, 1),
                        new BilanFacts.PhaseFacts(Phase.FOLLOW_UP, 60, 0, 1, 0, 0)),
                LocalDate.of(2027, 6, 7), new FundingTerms("EMPLOYER_PLAN", new FundingTerms.Funder(
                        FundingTerms.FunderKind.EMPLOYER, "Acme Industrie", "73282932000074"),
                        // 22:00 in Paris, already the next day in La Réunion
                        Instant.parse("2026-09-01T20:30:00Z")),
                Instant.parse("2027-06-10T06:00:00Z"));

        RecordBilanFactsRequest request = BilanFactsMessages.request(facts, 17, REUNION);

        var told = request.getFacts();
        assertThat(request.getRevision()).isEqualTo(17);
        assertThat(told.getAssessmentId()).isEqualTo("bilan-1");
        assertThat(told.getBeneficiaryId()).isEqualTo("beneficiary-1");
        assertThat(told.getCentreId()).isEqualTo("centre-reunion");
        assertThat(told.getConsultantId()).isEqualTo("consultant-1");
        assertThat(told.getOutcome()).isEqualTo(BilanOutcome.COMPLETED);
        assertThat(told.getStartDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 9, 14)));
        assertThat(told.getEndDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 12, 7)));
        assertThat(told.getSynthesisHandoverTime()).isEqualTo(ProtoTime.of(handover));
        assertThat(told.getFollowUpDueDate()).isEqualTo(ProtoDates.of(LocalDate.of(2027, 6, 7)));
        assertThat(told.getPhasesList()).containsExactly(
                PhaseHours.newBuilder().setPhase(FactPhase.PRELIMINARY).setPlannedMinutes(240).setDeliveredMinutes(180)
                        .setSessionsPlanned(2).setSessionsAttended(1).setSessionsMissed(1).build(),
                PhaseHours.newBuilder().setPhase(FactPhase.FOLLOW_UP).setPlannedMinutes(60).setSessionsPlanned(1).build());
        assertThat(told.getFundingKind()).isEqualTo("EMPLOYER_PLAN");
        assertThat(told.getAgreementSignDate()).isEqualTo(ProtoDates.of(LocalDate.of(2026, 9, 2)));
        assertThat(told.getFunder()).isEqualTo(FunderRef.newBuilder().setKind(FunderKind.FUNDER_EMPLOYER)
                .setName("Acme Industrie").setSiret("73282932000074").build());
        assertThat(told.getFollowUpSessionTime()).isEqualTo(ProtoTime.of(Instant.parse("2027-06-10T06:00:00Z")));
        assertThat(FakeQualityIntake.violations(request).isEmpty()).isTrue();
    }

    @Test
    void aBilanUnderWayLeavesItsDatesUnset() {
        BilanFacts facts = new BilanFacts("bilan-1", "beneficiary-1", "centre-lyon", "", BilanFacts.IN_PROGRESS, null,
                null, null, List.of(), null, null, null);

        var told = BilanFactsMessages.request(facts, 1, PARIS).getFacts();

        assertThat(told.getOutcome()).isEqualTo(BilanOutcome.IN_PROGRESS);
        assertThat(told.hasStartDate()).isFalse();
        assertThat(told.hasEndDate()).isFalse();
        assertThat(told.hasSynthesisHandoverTime()).isFalse();
        assertThat(told.hasFollowUpDueDate()).isFalse();
        assertThat(told.getConsultantId()).isEmpty();
        assertThat(told.getFundingKind()).isEmpty();
        assertThat(told.hasAgreementSignDate()).isFalse();
        assertThat(told.hasFunder()).isFalse();
        assertThat(told.hasFollowUpSessionTime()).isFalse();
    }

    /** Each kind of funder is told as the contract's, without an agreement (none needed, or none in force). */
    @ParameterizedTest
    @EnumSource(FundingTerms.FunderKind.class)
    void eachKindOfFunderIsToldAsTheContracts(FundingTerms.FunderKind kind) {
        BilanFacts facts = new BilanFacts("bilan-1", "beneficiary-1", "centre-lyon", "", BilanFacts.IN_PROGRESS, null,
                null, null, List.of(), null, new FundingTerms("CPF", new FundingTerms.Funder(kind, "Nom", ""), null),
                null);

        var told = BilanFactsMessages.request(facts, 1, PARIS).getFacts();

        assertThat(told.getFunder().getKind().name()).isEqualTo("FUNDER_" + kind.name());
        assertThat(told.hasAgreementSignDate()).isFalse();
    }

    @Test
    void aSelfFundedBilanTellsItsKindAndNoFunder() {
        BilanFacts facts = new BilanFacts("bilan-1", "beneficiary-1", "centre-lyon", "", BilanFacts.IN_PROGRESS, null,
                null, null, List.of(), null, new FundingTerms("SELF_FUNDED", null, null), null);

        var told = BilanFactsMessages.request(facts, 1, PARIS).getFacts();

        assertThat(told.getFundingKind()).isEqualTo("SELF_FUNDED");
        assertThat(told.hasFunder()).isFalse();
    }
}
