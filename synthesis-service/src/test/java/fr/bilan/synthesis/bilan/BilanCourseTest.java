package fr.bilan.synthesis.bilan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SessionStatus;
import fr.bilan.support.time.ProtoTime;

/** What the synthèse prints of how the bilan ran, from what session-service answers. */
class BilanCourseTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theActionStartsWithTheFirstSessionOfTheThreePhasesHeldWithTheBeneficiary() {
        record Case(List<Session> sessions, LocalDate start) {
        }
        List<Case> cases = List.of(
                new Case(List.of(), null),
                // neither the intake nor the follow-up, nor a session missed, cancelled or to come starts it
                new Case(List.of(session(Phase.INTAKE, "2026-09-01T08:00:00Z", SessionStatus.ATTENDED),
                        session(Phase.PRELIMINARY_PHASE, "2026-09-08T08:00:00Z", SessionStatus.ABSENT),
                        session(Phase.PRELIMINARY_PHASE, "2026-09-09T08:00:00Z", SessionStatus.CANCELLED),
                        session(Phase.PRELIMINARY_PHASE, "2026-09-10T08:00:00Z", SessionStatus.PLANNED),
                        session(Phase.FOLLOW_UP_PHASE, "2026-08-01T08:00:00Z", SessionStatus.ATTENDED)), null),
                // the earliest held, whatever the order answered
                new Case(List.of(session(Phase.INVESTIGATION_PHASE, "2026-10-05T08:00:00Z", SessionStatus.ATTENDED),
                        session(Phase.PRELIMINARY_PHASE, "2026-09-14T08:00:00Z", SessionStatus.ATTENDED)),
                        LocalDate.of(2026, 9, 14)),
                // its day in Paris: 22:30 UTC on 13 September is already the 14th there
                new Case(List.of(session(Phase.PRELIMINARY_PHASE, "2026-09-13T22:30:00Z", SessionStatus.ATTENDED)),
                        LocalDate.of(2026, 9, 14)));
        for (Case example : cases) {
            assertThat(BilanDirectory.course(bilan(null), example.sessions(), PARIS).start()).as(example.toString())
                    .isEqualTo(example.start());
        }
    }

    @Test
    void itEndsWhenSessionServiceSaysTheActionEndedAndTheHoursAreItsAttendedOnes() {
        BilanCourse ongoing = BilanDirectory.course(bilan(null), List.of(), PARIS);
        BilanCourse ended = BilanDirectory.course(bilan(Instant.parse("2026-12-18T23:30:00Z")), List.of(), PARIS);

        assertThat(ongoing.ongoing()).isTrue();
        assertThat(ended.end()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(ended.preliminary()).isEqualTo(Duration.ofHours(6));
        assertThat(ended.investigation()).isEqualTo(Duration.ofHours(12));
        // a phase session-service did not list held no hour
        assertThat(ended.conclusion()).isZero();
        // the intake is not one of the three phases
        assertThat(ended.total()).isEqualTo(Duration.ofHours(18));
    }

    private static Bilan bilan(Instant actionEnd) {
        return new Bilan("bilan-1", "beneficiary-1", "centre-lyon", "consultant-1", BilanState.ACTION_ENDED,
                Map.of(fr.bilan.synthesis.bilan.Phase.INTAKE, Duration.ofHours(1), fr.bilan.synthesis.bilan.Phase.PRELIMINARY,
                        Duration.ofHours(6), fr.bilan.synthesis.bilan.Phase.INVESTIGATION, Duration.ofHours(12)), actionEnd);
    }

    private static Session session(Phase phase, String start, SessionStatus status) {
        return Session.newBuilder().setPhase(phase).setStatus(status).setStartTime(ProtoTime.of(Instant.parse(start)))
                .build();
    }
}
