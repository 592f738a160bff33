package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.Slot;

/** What the CPF dossier of a funded bilan is told: its first attended session of the action, and its end. */
class CpfProgressTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-12-20T16:00:00Z");

    private static ScheduledSession session(String id, Phase phase, String start, Duration length) {
        return ScheduledSession.planned(id, phase, new Slot(Instant.parse(start), length), Place.room("salle-1"), "c-1",
                OPENED);
    }

    private static ScheduledSession attended(ScheduledSession session) {
        Instant held = session.start().plusSeconds(60);
        return session.signed(new AttendanceSignature(Signer.CONSULTANT, held, "APP"))
                .signed(new AttendanceSignature(Signer.BENEFICIARY, held, "APP"));
    }

    private static Assessment bilan(String fundingId, AssessmentState state, Instant endTime, ScheduledSession... sessions) {
        return new Assessment("a-1", "b-1", "account-1", "centre-lyon", fundingId, DeliveryFormat.HYBRID, state, null,
                List.of(new Assignment("c-1", OPENED, null, "c-1")), List.of(sessions), List.of(), null, endTime, null, null,
                OPENED, null, 3);
    }

    private static final ScheduledSession INTAKE = attended(session("s-0", Phase.INTAKE, "2026-11-24T09:00:00Z",
            Duration.ofHours(1)));
    private static final ScheduledSession PRELIMINARY = attended(session("s-1", Phase.PRELIMINARY,
            "2026-11-30T09:00:00Z", Duration.ofHours(2)));
    private static final ScheduledSession INVESTIGATION = attended(session("s-2", Phase.INVESTIGATION,
            "2026-12-02T09:00:00Z", Duration.ofMinutes(150)));
    private static final ScheduledSession MISSED = session("s-3", Phase.INVESTIGATION, "2026-12-04T09:00:00Z",
            Duration.ofHours(2)).missed();
    private static final ScheduledSession CONCLUSION = attended(session("s-4", Phase.CONCLUSION,
            "2026-12-09T09:00:00Z", Duration.ofHours(3)));
    private static final ScheduledSession CANCELLED = session("s-5", Phase.CONCLUSION, "2026-12-11T09:00:00Z",
            Duration.ofHours(2)).cancelled("fin de l'action", ENDED);

    @Test
    void theActionStartsAtItsFirstAttendedSessionNotAtTheIntakeInterview() {
        assertThat(CpfProgress.started(bilan("f-1", AssessmentState.INTAKE_INTERVIEW, null, INTAKE))).isEmpty();
        assertThat(CpfProgress.started(bilan("f-1", AssessmentState.PRELIMINARY, null, INTAKE,
                session("s-1", Phase.PRELIMINARY, "2026-11-30T09:00:00Z", Duration.ofHours(2))))).isEmpty();
        assertThat(CpfProgress.started(bilan("f-1", AssessmentState.INVESTIGATION, null, INTAKE, PRELIMINARY,
                INVESTIGATION))).contains(PRELIMINARY.start());
    }

    @Test
    void aBilanWithoutAFundingTellsNothing() {
        for (String funding : new String[] { null, "", " " }) {
            assertThat(CpfProgress.started(bilan(funding, AssessmentState.INVESTIGATION, null, PRELIMINARY))).isEmpty();
            assertThat(CpfProgress.ended(bilan(funding, AssessmentState.ABANDONED, ENDED, PRELIMINARY))).isEmpty();
        }
    }

    @Test
    void theEndCountsTheAttendedHoursOfTheActionAndItsAbsences() {
        Assessment ended = bilan("f-1", AssessmentState.ACTION_ENDED, ENDED, INTAKE, PRELIMINARY, INVESTIGATION, MISSED,
                CONCLUSION, CANCELLED);

        assertThat(CpfProgress.ended(ended)).contains(new CpfProgress.Ended(ENDED, "COMPLETED",
                Duration.ofMinutes(120 + 150 + 180), 1));
        assertThat(CpfProgress.ended(bilan("f-1", AssessmentState.CONCLUSION, null, PRELIMINARY))).isEmpty();
    }

    /** How each end state reads as the dossier's outcome. */
    @Test
    void eachEndStateGivesItsOutcome() {
        record Case(AssessmentState state, String outcome) {
        }
        for (Case c : List.of(new Case(AssessmentState.ACTION_ENDED, "COMPLETED"),
                new Case(AssessmentState.FOLLOW_UP, "COMPLETED"), new Case(AssessmentState.CLOSED, "COMPLETED"),
                new Case(AssessmentState.WITHDRAWN, "WITHDRAWN"), new Case(AssessmentState.ABANDONED, "ABANDONED"),
                new Case(AssessmentState.INTERRUPTED, "INTERRUPTED"))) {
            assertThat(CpfProgress.ended(bilan("f-1", c.state(), ENDED, PRELIMINARY)).orElseThrow().outcome())
                    .as(c.state().name()).isEqualTo(c.outcome());
        }
    }
}
