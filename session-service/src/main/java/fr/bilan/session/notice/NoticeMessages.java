package fr.bilan.session.notice;

import fr.bilan.proto.notification.internal.v1.AssessmentEnded;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.SessionCancelled;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.proto.notification.internal.v1.SessionSettled;
import fr.bilan.session.assessment.ScheduledSession;
import fr.bilan.session.assessment.SessionNotice;
import fr.bilan.session.calendar.Phase;
import fr.bilan.support.time.ProtoTime;

/** A session notice as notification-service's intake takes it. */
final class NoticeMessages {

    private NoticeMessages() {
    }

    static NotificationEvent toEvent(SessionNotice notice) {
        NotificationEvent.Builder event = NotificationEvent.newBuilder().setEventId(notice.eventId())
                .setOccurTime(ProtoTime.of(notice.occurTime()));
        ScheduledSession session = notice.session();
        return switch (notice.kind()) {
            case SCHEDULED -> event.setSessionScheduled(SessionScheduled.newBuilder()
                    .setAssessmentId(notice.assessmentId()).setSessionId(session.id())
                    .setBeneficiaryId(notice.beneficiaryId()).setCentreId(notice.centreId())
                    .setConsultantId(session.consultantId()).setPhase(phase(session.phase()))
                    .setStartTime(ProtoTime.of(session.slot().start())).setEndTime(ProtoTime.of(session.slot().end()))
                    .setRoom(nullToEmpty(session.place().roomId())).setVideoLink(nullToEmpty(session.place().videoLink()))
                    .setSequence(session.sequence()).setCalendarUid(notice.calendarUid())).build();
            case CANCELLED -> event.setSessionCancelled(SessionCancelled.newBuilder()
                    .setAssessmentId(notice.assessmentId()).setSessionId(session.id())
                    .setBeneficiaryId(notice.beneficiaryId()).setCentreId(notice.centreId())
                    .setConsultantId(session.consultantId()).setPhase(phase(session.phase()))
                    .setStartTime(ProtoTime.of(session.slot().start())).setEndTime(ProtoTime.of(session.slot().end()))
                    .setSequence(session.sequence()).setCalendarUid(notice.calendarUid())).build();
            case SETTLED -> event.setSessionSettled(SessionSettled.newBuilder()
                    .setAssessmentId(notice.assessmentId()).setSessionId(session.id())
                    .setCentreId(notice.centreId())).build();
            case ASSESSMENT_ENDED -> event.setAssessmentEnded(AssessmentEnded.newBuilder()
                    .setAssessmentId(notice.assessmentId()).setBeneficiaryId(notice.beneficiaryId())
                    .setCentreId(notice.centreId())).build();
        };
    }

    private static SessionPhase phase(Phase phase) {
        return switch (phase) {
            case INTAKE -> SessionPhase.INTAKE;
            case PRELIMINARY -> SessionPhase.PRELIMINARY;
            case INVESTIGATION -> SessionPhase.INVESTIGATION;
            case CONCLUSION -> SessionPhase.CONCLUSION;
            case FOLLOW_UP -> SessionPhase.FOLLOW_UP;
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
