package fr.bilan.session.consultant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.ConsultantServiceGrpc;
import fr.bilan.proto.session.v1.ListConsultantSessionsRequest;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.session.SessionServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;

class ConsultantCalendarGrpcTest extends SessionServiceTestSupport {

    private static ConsultantServiceGrpc.ConsultantServiceBlockingStub consultants(String token) {
        return ConsultantServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Session book(String consultantId, Assessment bilan, String localStart) {
        return assessments(consultant(consultantId)).scheduleSession(ScheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSession(session(Phase.INTAKE, localStart, Duration.ofHours(1),
                        "salle-" + bilan.getId())).build()).getSession();
    }

    @Test
    void listsTheConsultantsSessionsAcrossBilansInTimeOrderWithinThePeriod() {
        String consultant = newConsultantId();
        Session later = book(consultant, openBilan(consultant), "2026-12-01T14:00");
        Session sooner = book(consultant, openBilan(consultant), "2026-11-25T09:00");
        book(consultant, openBilan(consultant), "2027-02-01T09:00");
        var request = ListConsultantSessionsRequest.newBuilder().setConsultantId(consultant)
                .setEndTime(ProtoTime.of(paris("2026-12-31T00:00"))).build();

        List<Session> own = consultants(consultant(consultant)).listConsultantSessions(request).getSessionsList();
        List<Session> managed = consultants(manager()).listConsultantSessions(request).getSessionsList();
        List<Session> elsewhere = consultants(TestIdentityProvider.token("manager-paris", List.of("centre-paris"),
                "centre-manager")).listConsultantSessions(request).getSessionsList();

        assertThat(own).extracting(Session::getId).containsExactly(sooner.getId(), later.getId());
        assertThat(managed).isEqualTo(own);
        assertThat(elsewhere).isEmpty();
        assertThat(codeOf(() -> consultants(consultant(newConsultantId())).listConsultantSessions(request)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
