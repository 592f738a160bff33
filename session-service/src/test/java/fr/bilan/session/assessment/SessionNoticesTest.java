package fr.bilan.session.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import fr.bilan.session.assessment.SessionNotice.Kind;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.Slot;

/** What notification-service is told of a bilan, and when a change is worth telling. */
class SessionNoticesTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant BOOKED = OPENED.plusSeconds(600);
    private static final Slot SLOT = new Slot(Instant.parse("2026-11-25T09:00:00Z"), Duration.ofHours(2));

    private static Assessment bilan(ScheduledSession... sessions) {
        Assessment opened = Assessment.open("a-1", "b-1", "account-1", "centre-lyon", "c-1", null, DeliveryFormat.HYBRID,
                "c-1", OPENED);
        return new Assessment(opened.id(), opened.beneficiaryId(), opened.beneficiaryAccountId(), opened.centreId(),
                null, DeliveryFormat.HYBRID, AssessmentState.INVESTIGATION, null, opened.assignments(), List.of(sessions), List.of(),
                null, null, null, null, OPENED, null, 3);
    }

    private static ScheduledSession booked() {
        return ScheduledSession.planned("s-1", Phase.INVESTIGATION, SLOT, Place.room("salle-1"), "c-1", BOOKED);
    }

    private static Assessment changed(UnaryOperator<ScheduledSession> change) {
        return bilan(change.apply(booked()));
    }

    @Test
    void aBookedSessionIsScheduledWithTheFeedsUidAndItsConsultant() {
        SessionNotice notice = SessionNotices.of(bilan(booked())).get(0);

        assertThat(notice.kind()).isEqualTo(Kind.SCHEDULED);
        assertThat(notice.calendarUid()).isEqualTo("a-1.s-1@bilan-competences");
        assertThat(notice.session().consultantId()).isEqualTo("c-1");
        assertThat(notice.occurTime()).isEqualTo(BOOKED);
        assertThat(List.of(notice.assessmentId(), notice.beneficiaryId(), notice.centreId()))
                .containsExactly("a-1", "b-1", "centre-lyon");
    }

    @Test
    void theSameStateGivesTheSameEventIdSoThatARedeliveryDedupes() {
        assertThat(SessionNotices.of(bilan(booked()))).extracting(SessionNotice::eventId)
                .isEqualTo(SessionNotices.of(bilan(booked())).stream().map(SessionNotice::eventId).toList())
                .allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(64));
        assertThat(SessionNotices.anyNew(bilan(booked()), bilan(booked()))).isFalse();
    }

    /** Each change of a session, as the fact it makes, and whether notification-service must hear of it. */
    record Change(String name, UnaryOperator<ScheduledSession> change, Kind kind, boolean told) {
    }

    static final Instant LATER = BOOKED.plusSeconds(3600);
    static final Instant HELD = SLOT.start().plusSeconds(60);

    static final List<Change> CHANGES = List.of(
            new Change("moved", s -> s.movedTo(new Slot(SLOT.start().plusSeconds(86_400), SLOT.duration()),
                    Place.video("https://visio.example/x"), LATER), Kind.SCHEDULED, true),
            new Change("reassigned", s -> s.ledBy("c-2", LATER), Kind.SCHEDULED, true),
            new Change("cancelled", s -> s.cancelled("malade", LATER), Kind.CANCELLED, true),
            new Change("signed by one", s -> s.signed(new AttendanceSignature(Signer.CONSULTANT, HELD, "APP")),
                    Kind.SCHEDULED, false),
            new Change("signed by both", s -> s.signed(new AttendanceSignature(Signer.CONSULTANT, HELD, "APP"))
                    .signed(new AttendanceSignature(Signer.BENEFICIARY, HELD.plusSeconds(5), "APP")), Kind.SETTLED, true),
            new Change("missed", ScheduledSession::missed, Kind.SETTLED, true));

    @Test
    void eachChangeOfASessionIsToldOnlyWhenItMakesANewFact() {
        String bookedId = SessionNotices.of(bilan(booked())).get(0).eventId();
        for (Change change : CHANGES) {
            Assessment after = changed(change.change());
            SessionNotice notice = SessionNotices.of(after).get(0);

            assertThat(notice.kind()).as(change.name()).isEqualTo(change.kind());
            assertThat(SessionNotices.anyNew(bilan(booked()), after)).as(change.name()).isEqualTo(change.told());
            assertThat(notice.eventId().equals(bookedId)).as(change.name()).isEqualTo(!change.told());
        }
    }

    @Test
    void aMoveOrCancellationCarriesItsNewSequenceAndTime() {
        SessionNotice moved = SessionNotices.of(changed(CHANGES.get(0).change())).get(0);
        SessionNotice cancelled = SessionNotices.of(changed(CHANGES.get(2).change())).get(0);

        assertThat(moved.session().sequence()).isEqualTo(1);
        assertThat(moved.occurTime()).isEqualTo(LATER);
        assertThat(cancelled.session().sequence()).isEqualTo(1);
        assertThat(cancelled.calendarUid()).isEqualTo("a-1.s-1@bilan-competences");
    }

    @Test
    void aSettledSessionIsDatedByItsLastSignatureOrItsEndWhenMissed() {
        assertThat(SessionNotices.of(changed(CHANGES.get(4).change())).get(0).occurTime()).isEqualTo(HELD.plusSeconds(5));
        assertThat(SessionNotices.of(changed(ScheduledSession::missed)).get(0).occurTime()).isEqualTo(SLOT.end());
    }

    @Test
    void theEndOfTheActionIsToldLastWithTheSessionsItCancelled() {
        Instant end = Instant.parse("2026-11-24T10:00:00Z");
        Assessment running = bilan(booked());
        Assessment ended = running.move(AssessmentState.ABANDONED, "Le bénéficiaire ne donne plus de nouvelles.",
                true, null, true, end, null, java.time.ZoneId.of("Europe/Paris"));

        List<SessionNotice> notices = SessionNotices.of(ended);

        assertThat(notices).extracting(SessionNotice::kind).containsExactly(Kind.CANCELLED, Kind.ASSESSMENT_ENDED);
        assertThat(notices.get(1).occurTime()).isEqualTo(end);
        assertThat(SessionNotices.anyNew(running, ended)).isTrue();
    }

    @Test
    void destroyingTheEvidenceTellsNothingNew() {
        Assessment ended = bilan(booked()).move(AssessmentState.ABANDONED, "Sans nouvelles.", true, null, true,
                Instant.parse("2026-11-24T10:00:00Z"), null, java.time.ZoneId.of("Europe/Paris"));

        assertThat(SessionNotices.anyNew(ended, ended.evidenceDestroyed(Instant.parse("2029-11-25T10:00:00Z"))))
                .isFalse();
    }

    @Test
    void sessionsAreToldInTimeOrder() {
        ScheduledSession later = ScheduledSession.planned("s-0", Phase.INVESTIGATION,
                new Slot(SLOT.start().plusSeconds(7 * 86_400), SLOT.duration()), Place.room("salle-1"), "c-1", BOOKED);

        assertThat(SessionNotices.of(bilan(later, booked()))).extracting(notice -> notice.session().id())
                .containsExactly("s-1", "s-0");
    }
}
