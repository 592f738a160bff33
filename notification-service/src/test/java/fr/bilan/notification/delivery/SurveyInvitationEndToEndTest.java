package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.notification.NotificationApplication;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.SurveyInvitation;
import fr.bilan.proto.notification.internal.v1.SurveyKind;
import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import jakarta.mail.internet.MimeMessage;

/**
 * A satisfaction survey's invitation and reminder, from quality-service's fact over gRPC to the e-mail a
 * real SMTP server receives: sent at once with the survey's link, which the service keeps nowhere; a mail
 * server that cannot take it fails the call, so that the producer delivers the fact (and its link) again.
 */
@SpringBootTest(classes = { NotificationApplication.class, TestClock.class })
class SurveyInvitationEndToEndTest extends GrpcServiceTestSupport {

    private static final FakeBeneficiaryContacts CONTACTS = FakeBeneficiaryContacts.started();
    private static final TestMailServer MAIL = new TestMailServer();
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
    }

    @Autowired
    private TestClock clock;
    @Autowired
    private MongoDatabase database;

    private final String test = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void reset() {
        clock.reset();
        MAIL.acceptAll();
    }

    private static NotificationIntakeServiceGrpc.NotificationIntakeServiceBlockingStub producer() {
        return ConvocationEndToEndTest.producer();
    }

    private RecordEventsRequest survey(String beneficiary, int reminder, String link) {
        return RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder()
                .setEventId("survey/s-" + test + "/" + reminder).setOccurTime(ProtoTime.of(clock.instant()))
                .setSurveyInvitation(SurveyInvitation.newBuilder().setSurveyId("s-" + test).setAssessmentId("a-" + test)
                        .setBeneficiaryId(beneficiary).setCentreId("centre-lyon").setKind(SurveyKind.SURVEY_KIND_END_OF_BILAN)
                        .setReminder(reminder).setLinkUrl(link)
                        // 21 days: the link opens until Monday 28 December 2026, 09:00 in Paris
                        .setExpireTime(ProtoTime.of(Instant.parse("2026-12-28T08:00:00Z")))))
                .build();
    }

    @Test
    void theInvitationArrivesAtOnceWithItsLinkWhichNothingKeeps() throws Exception {
        clock.set(T0);
        String address = "camille." + test + "@example.org";
        String beneficiary = "b-" + test;
        CONTACTS.put(beneficiary, "centre-lyon", "Camille", "Martin", address, "", "consultant-" + test);
        String link = "https://bilan.example/api/v1/surveyPages/" + "Tk".repeat(21) + "x";

        assertThat(producer().recordEvents(survey(beneficiary, 0, link)).getRecordedCount()).isEqualTo(1);

        List<MimeMessage> received = MAIL.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage invitation = received.get(0);
        assertThat(invitation.getSubject()).isEqualTo("Votre avis sur votre bilan de compétences");
        String text = ConvocationEndToEndTest.part(invitation, "text/plain");
        assertThat(text).contains("Camille Martin", "Répondre au questionnaire : " + link,
                "lundi 28 décembre 2026 inclus");
        assertThat(ConvocationEndToEndTest.part(invitation, "text/html")).contains("href=\"" + link + "\"",
                "lang=\"fr\"");

        // what the service keeps: the message's outcome, the fact's id; never the link
        Document record = database.getCollection("notifications").find(Filters.eq("assessmentId", "a-" + test)).first();
        assertThat(record.getString("kind")).isEqualTo("SURVEY_INVITATION");
        assertThat(record.getString("outcome")).isEqualTo("SENT");
        assertThat(record.toJson()).doesNotContain("Tk".repeat(21), "surveyPages");
        assertThat(database.getCollection("facts").find(Filters.eq("assessmentId", "a-" + test)).first().toJson())
                .doesNotContain("Tk".repeat(21));

        // redelivered: taken once, sent once
        assertThat(producer().recordEvents(survey(beneficiary, 0, link)).getRecordedCount()).isZero();
        assertThat(MAIL.receivedBy(address)).hasSize(1);
    }

    @Test
    void aMailServerThatCannotTakeItNowFailsTheCallAndTheRedeliverySendsIt() throws Exception {
        clock.set(T0);
        String address = "dominique." + test + "@example.org";
        String beneficiary = "b2-" + test;
        CONTACTS.put(beneficiary, "centre-lyon", "Dominique", "Petit", address, "", "consultant-" + test);
        String link = "https://bilan.example/api/v1/surveyPages/" + "Rm".repeat(21) + "y";
        MAIL.reply(address, "451 4.3.0 Try again later");

        assertThat(codeOf(() -> producer().recordEvents(survey(beneficiary, 1, link))))
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(database.getCollection("notifications").find(Filters.eq("assessmentId", "a-" + test)).first())
                .isNull();

        MAIL.acceptAll();
        assertThat(producer().recordEvents(survey(beneficiary, 1, link)).getRecordedCount()).isEqualTo(1);
        MimeMessage reminder = MAIL.receivedBy(address).get(0);
        assertThat(reminder.getSubject()).isEqualTo("Rappel : votre avis sur votre bilan de compétences");
        assertThat(ConvocationEndToEndTest.part(reminder, "text/plain")).contains(link, "désactiver");
    }

    @Test
    void aLinkThatIsNoWebAddressIsRefused() {
        clock.set(T0);
        assertThat(codeOf(() -> producer().recordEvents(survey("b3-" + test, 0, "javascript:alert(1)"))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
