package fr.bilan.session.calendar;

import static fr.bilan.session.calendar.CalendarFixtures.TWO_HOURS;
import static fr.bilan.session.calendar.CalendarFixtures.at;
import static fr.bilan.session.calendar.CalendarFixtures.instant;
import static fr.bilan.session.calendar.CalendarFixtures.local;
import static fr.bilan.session.calendar.CalendarFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.calendar.ConsultantAvailability.Absence;
import fr.bilan.support.refusal.RuleRefusal;

class BilanPlannerTest {

    private static final CentreZone PARIS = CentreZone.METROPOLITAN_FRANCE;
    private static final Instant MONDAY = instant(PARIS, "2026-11-23T08:00");

    /** Two sessions a week at most, never two the same day. */
    private static BilanPlanner planner(CentreZone zone, ConsultantAvailability consultant, Duration sessionLength) {
        return new BilanPlanner(new SlotFinder(rules(zone, 2, 1), consultant), PlanShape.typical(sessionLength));
    }

    private static BilanPlanner planner() {
        return planner(PARIS, ConsultantAvailability.undeclared(), TWO_HOURS);
    }

    private static BilanSession session(Phase phase, String localStart, int hours, SessionStatus status) {
        return new BilanSession(phase, at(PARIS, localStart, Duration.ofHours(hours)), status);
    }

    /** Each proposal as (phase, local start). */
    private static List<Tuple> shape(List<ProposedSession> plan) {
        return plan.stream().map(proposed -> tuple(proposed.phase(), local(PARIS, proposed.slot()))).toList();
    }

    private static Tuple proposed(Phase phase, String localStart) {
        return tuple(phase, LocalDateTime.parse(localStart));
    }

    @Test
    void plansAFreshBilanPhaseAfterPhaseWithinTheCentresRules() {
        List<ProposedSession> plan = planner().plan(List.of(), BusyTimes.NONE, MONDAY);

        assertThat(shape(plan)).containsExactly(proposed(Phase.PRELIMINARY, "2026-11-23T09:00"),
                proposed(Phase.PRELIMINARY, "2026-11-24T09:00"), proposed(Phase.PRELIMINARY, "2026-11-30T09:00"),
                proposed(Phase.INVESTIGATION, "2026-12-01T09:00"), proposed(Phase.INVESTIGATION, "2026-12-07T09:00"),
                proposed(Phase.INVESTIGATION, "2026-12-08T09:00"), proposed(Phase.CONCLUSION, "2026-12-14T09:00"),
                proposed(Phase.CONCLUSION, "2026-12-15T09:00"));
        List<Slot> slots = plan.stream().map(ProposedSession::slot).toList();
        for (Slot slot : slots) {
            List<Slot> others = new ArrayList<>(slots);
            others.remove(slot);
            assertThatCode(() -> rules(PARIS, 2, 1).check(slot, others)).doesNotThrowAnyException();
        }
    }

    @Test
    void completesABilanUnderwayCountingOnlyTheSessionsThatUseHours() {
        List<BilanSession> sessions = List.of(session(Phase.PRELIMINARY, "2026-11-09T09:00", 2, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-11-10T09:00", 2, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-11-16T09:00", 2, SessionStatus.ABSENT),
                session(Phase.PRELIMINARY, "2026-11-17T09:00", 2, SessionStatus.CANCELLED));

        List<ProposedSession> plan = planner().plan(sessions, BusyTimes.NONE, instant(PARIS, "2026-11-17T08:00"));

        // the missed session still holds its place in its week: one more fits there
        assertThat(shape(plan)).containsExactly(proposed(Phase.PRELIMINARY, "2026-11-17T09:00"),
                proposed(Phase.INVESTIGATION, "2026-11-23T09:00"), proposed(Phase.INVESTIGATION, "2026-11-24T09:00"),
                proposed(Phase.INVESTIGATION, "2026-11-30T09:00"), proposed(Phase.CONCLUSION, "2026-12-01T09:00"),
                proposed(Phase.CONCLUSION, "2026-12-07T09:00"));
    }

    @Test
    void aPhaseGetsNoMoreSessionsOnceALaterOneHasBegun() {
        // 6 hours held and 8 proposed: above the 13-hour floor
        List<BilanSession> sessions = List.of(session(Phase.PRELIMINARY, "2026-11-09T09:00", 3, SessionStatus.ATTENDED),
                session(Phase.INVESTIGATION, "2026-11-16T09:00", 3, SessionStatus.ATTENDED));

        assertThat(shape(planner().plan(sessions, BusyTimes.NONE, instant(PARIS, "2026-11-17T08:00")))).containsExactly(
                proposed(Phase.INVESTIGATION, "2026-11-17T09:00"), proposed(Phase.INVESTIGATION, "2026-11-23T09:00"),
                proposed(Phase.CONCLUSION, "2026-11-24T09:00"), proposed(Phase.CONCLUSION, "2026-11-30T09:00"));
    }

    @Test
    void eachPhaseStartsAfterTheLastSessionOfTheEarlierOnesAlreadyPlanned() {
        // the intake interview on Wednesday, a preliminary session already booked in December
        List<BilanSession> sessions = List.of(session(Phase.INTAKE, "2026-11-25T14:00", 1, SessionStatus.PLANNED),
                session(Phase.PRELIMINARY, "2026-12-07T09:00", 2, SessionStatus.PLANNED));

        assertThat(shape(planner().plan(sessions, BusyTimes.NONE, MONDAY))).containsExactly(
                proposed(Phase.PRELIMINARY, "2026-11-26T09:00"), proposed(Phase.PRELIMINARY, "2026-11-30T09:00"),
                proposed(Phase.INVESTIGATION, "2026-12-08T09:00"), proposed(Phase.INVESTIGATION, "2026-12-14T09:00"),
                proposed(Phase.INVESTIGATION, "2026-12-15T09:00"), proposed(Phase.CONCLUSION, "2026-12-21T09:00"),
                proposed(Phase.CONCLUSION, "2026-12-22T09:00"));
    }

    @Test
    void shrinksTheShapeToTheHoursLeftFromThePhaseThatHasTheMostSessions() {
        // 8 hours used, 16 left; the shape in 3-hour sessions asks for 18: the preliminary phase
        // (3 sessions, as many as investigation, and earlier) gives one up
        List<BilanSession> eightHours = List.of(session(Phase.PRELIMINARY, "2026-11-09T09:00", 4, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-11-10T14:00", 4, SessionStatus.ATTENDED));
        // 19 hours used, 5 left; one more investigation session and two of conclusion ask for 6
        List<BilanSession> nineteenHours = List.of(session(Phase.PRELIMINARY, "2026-10-05T09:00", 4, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-10-06T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-10-12T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.INVESTIGATION, "2026-10-13T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.INVESTIGATION, "2026-11-10T14:00", 3, SessionStatus.ATTENDED));

        List<ProposedSession> plan = planner(PARIS, ConsultantAvailability.undeclared(), Duration.ofHours(3))
                .plan(eightHours, BusyTimes.NONE, MONDAY);

        assertThat(plan).extracting(ProposedSession::phase).containsExactly(Phase.INVESTIGATION, Phase.INVESTIGATION,
                Phase.INVESTIGATION, Phase.CONCLUSION, Phase.CONCLUSION);
        assertThat(plan.stream().map(proposed -> proposed.slot().duration()).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofHours(15));
        assertThat(planner().plan(nineteenHours, BusyTimes.NONE, MONDAY)).extracting(ProposedSession::phase)
                .containsExactly(Phase.CONCLUSION, Phase.CONCLUSION);
    }

    @Test
    void refusesWhenOneSessionPerPhaseLeftDoesNotFitTheHoursLeft() {
        List<BilanSession> twentyTwoHours = List.of(session(Phase.PRELIMINARY, "2026-10-05T09:00", 4, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-10-06T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.PRELIMINARY, "2026-10-12T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.INVESTIGATION, "2026-10-13T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.INVESTIGATION, "2026-11-09T14:00", 4, SessionStatus.ATTENDED),
                session(Phase.INVESTIGATION, "2026-11-10T14:00", 2, SessionStatus.PLANNED));

        assertThatThrownBy(() -> planner(PARIS, ConsultantAvailability.undeclared(), Duration.ofHours(3))
                .plan(twentyTwoHours, BusyTimes.NONE, MONDAY)).isInstanceOf(RuleRefusal.class)
                .hasMessage("Un bilan de compétences compte au plus 24 heures d'accompagnement (Code du travail, "
                        + "L6313-4) : il en reste 2 h, et les séances qui restent à prévoir en demandent au moins 3 h "
                        + "(phase de conclusion : une séance de 3 h).");
    }

    /**
     * The floor as the plan sees it: the sessions already planned or attended of the three phases,
     * the length of the typical shape's sessions (minutes), and whether the plan stands, or is
     * refused as below 13 hours with the shortest length that reaches them.
     */
    @ParameterizedTest(name = "[{0}] + sessions of {1} min: {2}")
    @CsvSource(delimiter = '|', nullValues = "ok", textBlock = """
            ''                                  | 97  | 12 h 56, des séances d'au moins 1 h 38
            ''                                  | 98  | ok
            INTAKE ATTENDED 3                   | 90  | 12 h, des séances d'au moins 1 h 38
            PRELIMINARY ATTENDED 3              | 90  | ok
            PRELIMINARY ABSENT 3                | 90  | 12 h, des séances d'au moins 1 h 38
            PRELIMINARY PLANNED 3               | 60  | 10 h, des séances d'au moins 1 h 26
            """)
    void refusesAPlanThatCannotReachThirteenHours(String held, int minutes, String refusal) {
        List<BilanSession> sessions = held.isEmpty() ? List.of() : List.of(session(Phase.valueOf(held.split(" ")[0]),
                "2026-11-16T09:00", Integer.parseInt(held.split(" ")[2]), SessionStatus.valueOf(held.split(" ")[1])));
        BilanPlanner planner = planner(PARIS, ConsultantAvailability.undeclared(), Duration.ofMinutes(minutes));

        if (refusal == null) {
            assertThat(planner.plan(sessions, BusyTimes.NONE, MONDAY)).isNotEmpty();
        } else {
            String[] parts = refusal.split(", ");
            assertThatThrownBy(() -> planner.plan(sessions, BusyTimes.NONE, MONDAY))
                    .isInstanceOf(BilanPlanner.BelowFloor.class).hasMessageStartingWith(HourBudget.FLOOR_RULE)
                    .hasMessageContaining("ce plan en prévoit " + parts[0] + " en tout")
                    .hasMessageEndingWith(parts[1] + " l'atteignent.");
        }
    }

    @Test
    void aPlanThatProposesNoSessionOfTheActionHasNoLengthToChange() {
        // the conclusion has begun and has its two sessions: nothing to propose, nothing refused
        List<BilanSession> sessions = List.of(session(Phase.PRELIMINARY, "2026-11-09T09:00", 1, SessionStatus.ATTENDED),
                session(Phase.CONCLUSION, "2026-11-16T09:00", 1, SessionStatus.ATTENDED),
                session(Phase.CONCLUSION, "2026-11-17T09:00", 1, SessionStatus.PLANNED));

        assertThat(planner().plan(sessions, BusyTimes.NONE, instant(PARIS, "2026-11-17T08:00"))).isEmpty();
    }

    @Test
    void refusesNamingThePhaseThatFindsNoSlot() {
        ConsultantAvailability away = new ConsultantAvailability(Map.of(), List.of(new Absence(
                instant(PARIS, "2026-12-01T00:00"), instant(PARIS, "2027-06-01T00:00"), "congé parental")), List.of());

        assertThatThrownBy(() -> planner(PARIS, away, TWO_HOURS).plan(List.of(), BusyTimes.NONE, MONDAY))
                .isInstanceOf(RuleRefusal.class)
                .hasMessage("Aucun créneau ne convient pour une séance de 2 h (phase d'investigation) entre le lundi "
                        + "30/11/2026 et le lundi 22/02/2027 : les règles du centre, les disponibilités du consultant et "
                        + "les séances déjà prévues (consultant, bénéficiaire, salle) n'en laissent aucun.");
    }

    @Test
    void keepsNineOClockAcrossTheSpringChangeInParisAndOverseas() {
        List<Instant> paris = planner().plan(List.of(), BusyTimes.NONE, instant(PARIS, "2026-03-16T08:00")).stream()
                .map(proposed -> proposed.slot().start()).toList();
        List<Instant> mayotte = planner(CentreZone.MAYOTTE, ConsultantAvailability.undeclared(), TWO_HOURS)
                .plan(List.of(), BusyTimes.NONE, instant(CentreZone.MAYOTTE, "2026-03-16T08:00")).stream()
                .map(proposed -> proposed.slot().start()).toList();

        // 08:00 UTC in winter time, 07:00 UTC from Sunday 29 March
        assertThat(paris).extracting(Instant::toString).containsExactly("2026-03-16T08:00:00Z", "2026-03-17T08:00:00Z",
                "2026-03-23T08:00:00Z", "2026-03-24T08:00:00Z", "2026-03-30T07:00:00Z", "2026-03-31T07:00:00Z",
                "2026-04-06T07:00:00Z", "2026-04-07T07:00:00Z");
        // Mayotte keeps UTC+3
        assertThat(mayotte).extracting(Instant::toString).containsExactly("2026-03-16T06:00:00Z", "2026-03-17T06:00:00Z",
                "2026-03-23T06:00:00Z", "2026-03-24T06:00:00Z", "2026-03-30T06:00:00Z", "2026-03-31T06:00:00Z",
                "2026-04-06T06:00:00Z", "2026-04-07T06:00:00Z");
    }

    @Test
    void placesEachSessionAsBusyForTheNextInABusyYear() {
        List<Slot> year = CalendarFixtures.yearOfSessions(PARIS, 2026);
        // five a week and the same day allowed: only the busy times keep the sessions apart; they leave
        // 90 minutes free a morning, so nine sessions make the 13 hours
        BilanPlanner planner = new BilanPlanner(new SlotFinder(rules(PARIS, 5, 0), ConsultantAvailability.undeclared()),
                new PlanShape(List.of(new PlanShape.PhaseSessions(Phase.PRELIMINARY, 3, Duration.ofMinutes(90)),
                        new PlanShape.PhaseSessions(Phase.INVESTIGATION, 4, Duration.ofMinutes(90)),
                        new PlanShape.PhaseSessions(Phase.CONCLUSION, 2, Duration.ofMinutes(90)))));

        List<ProposedSession> plan = planner.plan(List.of(), BusyTimes.of(year), instant(PARIS, "2026-06-01T00:00"));

        assertThat(shape(plan)).containsExactly(proposed(Phase.PRELIMINARY, "2026-06-01T11:00"),
                proposed(Phase.PRELIMINARY, "2026-06-02T11:00"), proposed(Phase.PRELIMINARY, "2026-06-03T11:00"),
                proposed(Phase.INVESTIGATION, "2026-06-04T11:00"), proposed(Phase.INVESTIGATION, "2026-06-05T11:00"),
                proposed(Phase.INVESTIGATION, "2026-06-08T11:00"), proposed(Phase.INVESTIGATION, "2026-06-09T11:00"),
                proposed(Phase.CONCLUSION, "2026-06-10T11:00"), proposed(Phase.CONCLUSION, "2026-06-11T11:00"));
        assertThat(plan).allMatch(proposed -> year.stream().noneMatch(proposed.slot()::overlaps));
    }

    @Test
    void refusesAShapeOutOfThePhasesOrder() {
        assertThatThrownBy(() -> new PlanShape(List.of(new PlanShape.PhaseSessions(Phase.CONCLUSION, 2, TWO_HOURS),
                new PlanShape.PhaseSessions(Phase.PRELIMINARY, 3, TWO_HOURS)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanShape.PhaseSessions(Phase.PRELIMINARY, -1, TWO_HOURS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
