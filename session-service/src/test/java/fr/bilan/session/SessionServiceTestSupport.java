package fr.bilan.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.proto.session.v1.CreateAssessmentRequest;
import fr.bilan.proto.session.v1.DeliveryFormat;
import fr.bilan.proto.session.v1.Phase;
import fr.bilan.proto.session.v1.ScheduleSessionRequest;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;

/**
 * Base of the service's gRPC tests: time stands at Monday 23 November 2026, 09:00 in Paris; each
 * test makes its own consultants and beneficiaries (the calendar store is shared), in centre Lyon
 * with its default rules (weekdays 09:00-12:30 and 13:30-18:30, sessions of 30 min to 3 h, two a
 * week, a day apart).
 */
@SessionServiceContext
public abstract class SessionServiceTestSupport extends GrpcServiceTestSupport {

    protected static final String CENTRE = "centre-lyon";
    protected static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    protected TestClock clock;
    @Autowired
    protected MongoDatabase database;

    @BeforeEach
    void standStill() {
        clock.set(NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected static String newConsultantId() {
        return "consultant-" + UUID.randomUUID();
    }

    protected static String consultant(String id) {
        return TestIdentityProvider.token(id, List.of(CENTRE), "consultant");
    }

    protected static String manager() {
        return TestIdentityProvider.token("manager-lyon", List.of(CENTRE), "centre-manager");
    }

    protected static String auditor() {
        return TestIdentityProvider.token("auditor-1", List.of(CENTRE), "auditor");
    }

    protected static String beneficiaryLogin(Beneficiary beneficiary) {
        return TestIdentityProvider.token(beneficiary.getAccountId(), "beneficiary");
    }

    protected static AssessmentServiceGrpc.AssessmentServiceBlockingStub assessments(String token) {
        return AssessmentServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A beneficiary of centre Lyon already followed by {@code consultantId}, with a login of their own. */
    protected static Beneficiary newBeneficiary(String consultantId) {
        String id = UUID.randomUUID().toString();
        Beneficiary beneficiary = Beneficiary.newBuilder().setId(id).setCentreId(CENTRE).setAccountId("account-" + id)
                .addConsultantIds(consultantId).build();
        FakeBeneficiaryService.register(beneficiary);
        return beneficiary;
    }

    /** A hybrid bilan opened by {@code consultantId} for a new beneficiary of theirs. */
    protected static Assessment openBilan(String consultantId) {
        return openBilan(consultantId, newBeneficiary(consultantId));
    }

    protected static Assessment openBilan(String consultantId, Beneficiary beneficiary) {
        return assessments(consultant(consultantId)).createAssessment(CreateAssessmentRequest.newBuilder()
                .setAssessment(Assessment.newBuilder().setBeneficiaryId(beneficiary.getId())
                        .setFormat(DeliveryFormat.HYBRID))
                .build()).getAssessment();
    }

    /** Books {@code session} in {@code bilan} as {@code consultantId}. */
    protected static Session book(String consultantId, Assessment bilan, Session.Builder session) {
        return assessments(consultant(consultantId)).scheduleSession(ScheduleSessionRequest.newBuilder()
                .setAssessmentId(bilan.getId()).setSession(session).build()).getSession();
    }

    /** The instant of a local time in Paris: « 2026-12-01T10:00 ». */
    protected static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** A session in a room of the centre, at a local time in Paris. */
    protected static Session.Builder session(Phase phase, String localStart, Duration length, String room) {
        return Session.newBuilder().setPhase(phase).setStartTime(ProtoTime.of(paris(localStart)))
                .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(length.toSeconds())).setRoomId(room);
    }
}
