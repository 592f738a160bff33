package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.SessionStatus;
import fr.bilan.session.calendar.Slot;

/** What quality-service is told of a bilan, from its sessions and where it stands, and when it must hear again. */
class BilanFactsTest {

    private static final Instant OPENED = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-12-10T16:00:00Z");
    private static final Instant HANDED_OVER = Instant.parse("2026-12-10T15:00:00Z");
    private static final FundingTerms TERMS = new FundingTerms("EMPLOYER_PLAN", new FundingTerms.Funder(
            FundingTerms.FunderKind.EMPLOYER, "Acme Industrie", "73282932000074"),
            Instant.parse("2026-09-10T14:30:00Z"));

    /**
     * The hours of each phase as a table: the sessions (phase, status, minutes, day of October; « ; »
     * between them), and the phases told (phase planned/delivered minutes, planned/attended/missed
     * sessions). A cancelled session counts nowhere; the intake interview is not told; a phase with only
     * cancelled sessions is not told; the follow-up interview is.
     */
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                              | ''
            INTAKE ATTENDED 90 1                                            | ''
            PRELIMINARY CANCELLED 120 2                                     | ''
            PRELIMINARY PLANNED 120 2                                       | PRELIMINARY 120/0 1/0/0
            PRELIMINARY ATTENDED 120 2; PRELIMINARY ABSENT 60 3             | PRELIMINARY 180/120 2/1/1
            PRELIMINARY ATTENDED 120 2; INVESTIGATION ATTENDED 180 5; INVESTIGATION CANCELLED 60 6; CONCLUSION PLANNED 90 9 | PRELIMINARY 120/120 1/1/0; INVESTIGATION 180/180 1/1/0; CONCLUSION 90/0 1/0/0
            CONCLUSION ATTENDED 120 9; FOLLOW_UP ATTENDED 60 20             | CONCLUSION 120/120 1/1/0; FOLLOW_UP 60/60 1/1/0
            """)
    void theHoursOfEachPhase(String sessions, String told) {
        BilanFacts facts = BilanFacts.of(bilan(AssessmentState.INVESTIGATION, null, sessions(sessions)));

        assertThat(facts.phases().stream().map(phase -> phase.phase() + " " + phase.plannedMinutes() + "/"
                + phase.deliveredMinutes() + " " + phase.sessionsPlanned() + "/" + phase.sessionsAttended() + "/"
                + phase.sessionsMissed()).collect(Collectors.joining("; "))).isEqualTo(told);
    }

    /** The outcome as a table: the bilan's state, whether its action ended, and the outcome told. */
    @ParameterizedTest(name = "{0}, ended {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INTAKE_INTERVIEW | false | IN_PROGRESS
            PRELIMINARY      | false | IN_PROGRESS
            CONCLUSION       | false | IN_PROGRESS
            ACTION_ENDED     | true  | COMPLETED
            FOLLOW_UP        | true  | COMPLETED
            CLOSED           | true  | COMPLETED
            WITHDRAWN        | true  | WITHDRAWN
            ABANDONED        | true  | ABANDONED
            INTERRUPTED      | true  | INTERRUPTED
            """)
    void theOutcome(AssessmentState state, boolean ended, String outcome) {
        assertThat(BilanFacts.of(bilan(state, ended ? ENDED : null, List.of())).outcome()).isEqualTo(outcome);
    }

    @Test
    void theStartIsTheFirstAttendedSessionOfTheActionAndTheRestIsCopied() {
        Assessment bilan = bilan(AssessmentState.ACTION_ENDED, ENDED, sessions(
                "INTAKE ATTENDED 90 1; PRELIMINARY ABSENT 120 2; PRELIMINARY ATTENDED 120 5; INVESTIGATION ATTENDED 120 8"));

        BilanFacts facts = BilanFacts.of(bilan);

        assertThat(facts.startTime()).isEqualTo(october(5));
        assertThat(facts).extracting(BilanFacts::assessmentId, BilanFacts::beneficiaryId, BilanFacts::centreId,
                BilanFacts::consultantId, BilanFacts::endTime, BilanFacts::synthesisHandoverTime,
                BilanFacts::followUpDueDate).containsExactly("bilan-1", "beneficiary-1", "centre-lyon", "consultant-1",
                        ENDED, HANDED_OVER, LocalDate.of(2027, 6, 10));
        assertThat(BilanFacts.of(bilan(AssessmentState.PRELIMINARY, null, sessions("PRELIMINARY ABSENT 120 2")))
                .startTime()).isNull();
    }

    /**
     * When quality-service must hear again, as a table: the change made to a bilan in the preliminary
     * phase with one planned session, and whether its facts changed.
     */
    @ParameterizedTest(name = "{0}: told {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing          | false
            personal work    | false
            session planned  | true
            session held     | true
            session missed   | true
            session cancelled| true
            handed over      | true
            reassigned       | true
            ended            | true
            evidence destroyed | false
            funding agreed   | true
            """)
    void whenQualityServiceMustHearAgain(String change, boolean told) {
        Assessment before = bilan(AssessmentState.PRELIMINARY, null, sessions("PRELIMINARY PLANNED 120 2"));
        Assessment ended = bilan(AssessmentState.WITHDRAWN, ENDED, sessions("PRELIMINARY PLANNED 120 2"));
        ScheduledSession planned = before.sessions().get(0);
        Assessment after = switch (change) {
            case "nothing" -> before;
            case "personal work" -> new Assessment(before.id(), before.beneficiaryId(), before.beneficiaryAccountId(),
                    before.centreId(), before.fundingId(), before.format(), before.state(), null, before.assignments(),
                    before.sessions(), List.of(new PersonalWork("w", Phase.PRELIMINARY, PersonalWorkKind.values()[0],
                            LocalDate.of(2026, 10, 3), Duration.ofHours(1), "beneficiary-1", OPENED)),
                    null, null, null, null, OPENED, null, 1);
            case "session planned" -> withSessions(before, sessions("PRELIMINARY PLANNED 120 2; PRELIMINARY PLANNED 60 4"));
            case "session held" -> withSessions(before, sessions("PRELIMINARY ATTENDED 120 2"));
            case "session missed" -> withSessions(before, sessions("PRELIMINARY ABSENT 120 2"));
            case "session cancelled" -> withSessions(before, List.of(planned.cancelled("empêchement", OPENED)));
            case "handed over" -> before.synthesisHandedOver(HANDED_OVER);
            case "reassigned" -> before.reassign("consultant-2", "manager-1", OPENED);
            case "ended" -> ended;
            case "evidence destroyed" -> ended.evidenceDestroyed(ENDED.plus(Duration.ofDays(1100)));
            case "funding agreed" -> withTerms(before, TERMS);
            default -> throw new IllegalArgumentException(change);
        };
        Assessment from = change.equals("evidence destroyed") ? ended : before;

        assertThat(BilanFacts.changed(from, after)).isEqualTo(told);
    }

    /**
     * The follow-up interview's session told, as a table: the sessions (as above), and the day of October
     * of the one told (« - » for none): the earliest not cancelled, held, missed or to come.
     */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''                                                                  | -
            CONCLUSION ATTENDED 120 9                                           | -
            FOLLOW_UP CANCELLED 60 20                                           | -
            FOLLOW_UP PLANNED 60 20                                             | 20
            FOLLOW_UP CANCELLED 60 18; FOLLOW_UP PLANNED 60 25; FOLLOW_UP PLANNED 60 22 | 22
            FOLLOW_UP ABSENT 60 19; FOLLOW_UP ATTENDED 60 26                    | 19
            """)
    void theFollowUpSessionIsTheEarliestNotCancelled(String sessions, Integer day) {
        BilanFacts facts = BilanFacts.of(bilan(AssessmentState.FOLLOW_UP, ENDED, sessions(sessions)));

        assertThat(facts.followUpSessionTime()).isEqualTo(day == null ? null : october(day));
    }

    @Test
    void theTermsItsFundingWasAgreedWithAreTold() {
        assertThat(BilanFacts.of(bilan(AssessmentState.INTAKE_INTERVIEW, null, List.of())).fundingTerms()).isNull();
        assertThat(BilanFacts.of(withTerms(bilan(AssessmentState.FUNDING_AGREED, null, List.of()), TERMS))
                .fundingTerms()).isEqualTo(TERMS);
    }

    private static Assessment withTerms(Assessment b, FundingTerms terms) {
        return new Assessment(b.id(), b.beneficiaryId(), b.beneficiaryAccountId(), b.centreId(), b.fundingId(),
                b.format(), AssessmentState.FUNDING_AGREED, null, b.assignments(), b.sessions(), b.personalWork(),
                b.synthesisHandoverTime(), b.actionEndTime(), b.followUpDueDate(), terms, b.createTime(), null,
                b.version());
    }

    private static Assessment withSessions(Assessment bilan, List<ScheduledSession> sessions) {
        return bilan(bilan.state(), bilan.actionEndTime(), sessions);
    }

    private static Assessment bilan(AssessmentState state, Instant endTime, List<ScheduledSession> sessions) {
        return new Assessment("bilan-1", "beneficiary-1", "account-1", "centre-lyon", "funding-1", DeliveryFormat.HYBRID,
                state, null, List.of(new Assignment("consultant-1", OPENED, null, "consultant-1")), sessions, List.of(),
                endTime == null ? null : HANDED_OVER, endTime,
                state == AssessmentState.ACTION_ENDED ? LocalDate.of(2027, 6, 10) : null, null, OPENED, null, 1);
    }

    /** « PHASE STATUS minutes day-of-October; … ». */
    private static List<ScheduledSession> sessions(String spec) {
        return Arrays.stream(spec.split(";")).map(String::strip).filter(part -> !part.isEmpty())
                .map(part -> part.split(" "))
                .map(part -> new ScheduledSession("s-" + part[0] + "-" + part[3], Phase.valueOf(part[0]),
                        new Slot(october(Integer.parseInt(part[3])), Duration.ofMinutes(Integer.parseInt(part[2]))),
                        Place.room("salle-1"), "consultant-1", SessionStatus.valueOf(part[1]), List.of(), null, 0, OPENED))
                .toList();
    }

    private static Instant october(int day) {
        return Instant.parse("2026-10-%02dT08:00:00Z".formatted(day));
    }
}
