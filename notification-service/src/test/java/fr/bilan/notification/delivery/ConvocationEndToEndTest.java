package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.notification.NotificationApplication;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SessionCancelled;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SessionScheduled;
import fr.bilan.support.identity.Account;
import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole path of a convocation, with nothing stood in for but beneficiary-service and the identity
 * provider: a producer's facts over gRPC (as the service itself), the planning, the real templates, and
 * a real SMTP server receiving what a beneficiary reads: a convocation in French with its {@code .ics},
 * then, the session cancelled, the notice whose {@code .ics} removes the same calendar event, and no
 * reminder the day before.
 */
@SpringBootTest(classes = { NotificationApplication.class, TestClock.class })
class ConvocationEndToEndTest extends GrpcServiceTestSupport {

    static final FakeBeneficiaryContacts CONTACTS = FakeBeneficiaryContacts.started();
    static final TestMailServer MAIL = new TestMailServer();
    /** Monday 7 December 2026, 09:00 in Paris. */
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void dispatcherProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.client-secret", () -> "test-only-secret");
        registry.add("bilan.oidc.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "127.0.0.1:" + CONTACTS.port);
        registry.add("spring.mail.port", () -> MAIL.port);
        registry.add("bilan.notification.delivery.interval", () -> "1d");
        registry.add("bilan.notification.delivery.rate-per-second", () -> "1000");
    }

    @Autowired
    private Dispatcher dispatcher;

    @Autowired
    private TestClock clock;

    private final String test = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static NotificationIntakeServiceGrpc.NotificationIntakeServiceBlockingStub producer() {
        return NotificationIntakeServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT,
                        TestIdentityProvider.SERVICE_ROLE)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void aBookedSessionConvenesTheBeneficiaryAndItsCancellationRemovesTheSameCalendarEvent() throws Exception {
        clock.set(T0);
        String address = "camille." + test + "@example.org";
        String beneficiary = "b-" + test;
        String consultant = "consultant-" + test;
        String uid = "a-" + test + ".s1@bilan-competences";
        CONTACTS.put(beneficiary, "centre-lyon", "Camille", "Martin", address, "", consultant);
        FakeKeycloakAdmin.instance().put(new Account(consultant, Set.of("consultant"), Set.of("centre-lyon"),
                "claire." + test + "@example.org", "Claire", "Dubois"));
        // Thursday 10 December 2026, 14:30 to 16:00 in Paris
        Instant start = Instant.parse("2026-12-10T13:30:00Z");
        SessionScheduled booked = SessionScheduled.newBuilder().setAssessmentId("a-" + test).setSessionId("s1")
                .setBeneficiaryId(beneficiary).setCentreId("centre-lyon").setConsultantId(consultant)
                .setPhase(SessionPhase.INVESTIGATION).setStartTime(ProtoTime.of(start))
                .setEndTime(ProtoTime.of(start.plus(Duration.ofMinutes(90)))).setRoom("Salle Garonne")
                .setSequence(0).setCalendarUid(uid).build();

        producer().recordEvents(RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder()
                .setEventId("session/a-" + test + "/s1/0").setOccurTime(ProtoTime.of(T0)).setSessionScheduled(booked))
                .build());
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);

        MimeMessage convocation = MAIL.receivedBy(address).get(0);
        assertThat(convocation.getSubject())
                .isEqualTo("Convocation : séance de bilan de compétences le jeudi 10 décembre 2026 à 14 h 30");
        String text = part(convocation, "text/plain");
        assertThat(text).contains("Camille Martin", "Claire Dubois", "Salle Garonne", "phase d’investigation");
        assertThat(part(convocation, "text/html")).contains("lang=\"fr\"");
        assertThat(part(convocation, "text/calendar")).contains("METHOD:REQUEST", "UID:" + uid, "SEQUENCE:0");

        clock.set(T0.plus(Duration.ofHours(1)));
        producer().recordEvents(RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder()
                .setEventId("session/a-" + test + "/s1/1/cancelled").setOccurTime(ProtoTime.of(clock.instant()))
                .setSessionCancelled(SessionCancelled.newBuilder().setAssessmentId("a-" + test).setSessionId("s1")
                        .setBeneficiaryId(beneficiary).setCentreId("centre-lyon").setConsultantId(consultant)
                        .setPhase(SessionPhase.INVESTIGATION).setStartTime(booked.getStartTime())
                        .setEndTime(booked.getEndTime()).setSequence(1).setCalendarUid(uid)))
                .build());
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);

        MimeMessage cancellation = MAIL.receivedBy(address).get(1);
        assertThat(cancellation.getSubject()).startsWith("Séance annulée : votre séance du jeudi 10 décembre 2026 à 14 h 30");
        assertThat(part(cancellation, "text/calendar")).contains("METHOD:CANCEL", "UID:" + uid, "SEQUENCE:1",
                "STATUS:CANCELLED");

        // the day before, at the reminder's hour and after: nothing more
        clock.set(Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(dispatcher.dispatchDue().sent()).isZero();
        assertThat(MAIL.receivedBy(address)).hasSize(2);
        assertThat(MAIL.receivedBy(address)).noneSatisfy(mail -> assertThat(mail.getSubject()).startsWith("Rappel"));
    }

    /** The decoded content of the message's first part of {@code type}. */
    static String part(Part message, String type) throws Exception {
        List<Part> parts = new ArrayList<>();
        leaves(message, parts);
        for (Part part : parts) {
            if (part.getContentType().toLowerCase().startsWith(type)) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(content);
                return content.toString("UTF-8");
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static void leaves(Part part, List<Part> parts) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves(multipart.getBodyPart(i), parts);
            }
            return;
        }
        parts.add(part);
    }
}
