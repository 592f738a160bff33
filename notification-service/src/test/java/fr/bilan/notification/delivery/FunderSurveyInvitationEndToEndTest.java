package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.notification.NotificationApplication;
import fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.v1.ListNotificationsRequest;
import fr.bilan.proto.notification.v1.NotificationKind;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import jakarta.mail.internet.MimeMessage;

/**
 * A funder's yearly survey, from quality-service's fact over gRPC to the e-mail a real SMTP server
 * receives: sent at once to the contact the fact names, from the centre, with the survey's link, which
 * the service keeps nowhere, nor the contact's name and address; a mail server that cannot take it fails
 * the call, so that the producer delivers the fact (and its link and address) again.
 */
@SpringBootTest(classes = { NotificationApplication.class, TestClock.class })
@ExtendWith(OutputCaptureExtension.class)
class FunderSurveyInvitationEndToEndTest extends GrpcServiceTestSupport {

    private static final TestMailServer MAIL = new TestMailServer();
    private static final Instant T0 = Instant.parse("2027-01-11T08:00:00Z");

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.port);
        registry.add("bilan.notification.delivery.interval", () -> "1d");
        // the centre's identity, whole, as every document names it
        registry.add("bilan.centres.overrides.centre-lyon.name", () -> "Centre Horizon Lyon");
        registry.add("bilan.centres.overrides.centre-lyon.address", () -> "10 rue de la République, 69001 Lyon");
        registry.add("bilan.centres.overrides.centre-lyon.declaration-number", () -> "84691234569");
    }

    @Autowired
    private TestClock clock;
    @Autowired
    private MongoDatabase database;

    private final String test = UUID.randomUUID().toString().substring(0, 8);
    private final String address = "alex." + test + "@opco.example";
    private final String link = "https://bilan.example/api/v1/surveyPages/" + "Fs".repeat(21) + "z";

    @AfterEach
    void reset() {
        clock.reset();
        MAIL.acceptAll();
    }

    private RecordEventsRequest survey(int reminder, String to) {
        return RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder()
                .setEventId("funder-survey/s-" + test + "/" + reminder).setOccurTime(ProtoTime.of(clock.instant()))
                .setFunderSurveyInvitation(FunderSurveyInvitation.newBuilder().setSurveyId("s-" + test)
                        .setCentreId("centre-lyon").setFunderName("OPCO Atlas").setContactName("Alex Durand")
                        .setEmailAddress(to).setYear(2026).setReminder(reminder).setLinkUrl(link)
                        // the link opens until Friday 29 January 2027, 11:00 in Paris
                        .setExpireTime(ProtoTime.of(Instant.parse("2027-01-29T10:00:00Z")))))
                .build();
    }

    @Test
    void theInvitationArrivesAtOnceFromTheCentreAndNothingKeepsItsLinkNorItsContact(CapturedOutput output)
            throws Exception {
        clock.set(T0);

        assertThat(ConvocationEndToEndTest.producer().recordEvents(survey(0, address)).getRecordedCount()).isEqualTo(1);

        List<MimeMessage> received = MAIL.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage invitation = received.get(0);
        assertThat(invitation.getSubject()).isEqualTo("Votre avis sur les bilans de compétences de l’année 2026");
        String text = ConvocationEndToEndTest.part(invitation, "text/plain");
        assertThat(text).startsWith("Bonjour Alex Durand,").contains(
                "Centre Horizon Lyon recueille chaque année l’avis des financeurs", "pour votre organisme, OPCO Atlas,",
                "bilans de l’année 2026", "vendredi 29 janvier 2027 inclus", "Répondre au questionnaire : " + link)
                .doesNotContain("désactiver");
        assertThat(ConvocationEndToEndTest.part(invitation, "text/html")).contains("href=\"" + link + "\"",
                "lang=\"fr\"", "<strong>OPCO Atlas</strong>");

        // what the service keeps: which survey and funder, its outcome; never the link, the contact nor the address
        Document record = database.getCollection("notifications").find(Filters.eq("subject.surveyId", "s-" + test))
                .first();
        assertThat(record.getString("kind")).isEqualTo("FUNDER_SURVEY_INVITATION");
        assertThat(record.getString("outcome")).isEqualTo("SENT");
        assertThat(record.getString("centreId")).isEqualTo("centre-lyon");
        assertThat(record.get("subject", Document.class).getString("funderName")).isEqualTo("OPCO Atlas");
        assertThat(record.toJson()).doesNotContain("Fs".repeat(21), "surveyPages", address, "Alex", "Durand");
        String fact = database.getCollection("facts").find(Filters.eq("_id", "funder-survey/s-" + test + "/0")).first()
                .toJson();
        assertThat(fact).doesNotContain("Fs".repeat(21), address, "Alex");
        // nor do the service's logs
        assertThat(serviceLogs(output)).contains("funder-survey/s-" + test + "/0").doesNotContain("Fs".repeat(21), address,
                "Alex Durand");

        // redelivered: taken once, sent once
        assertThat(ConvocationEndToEndTest.producer().recordEvents(survey(0, address)).getRecordedCount()).isZero();
        assertThat(MAIL.receivedBy(address)).hasSize(1);

        // the centre's managers see it in their record of messages, naming no one
        var listed = NotificationServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(bearer(TestIdentityProvider.token("manager-" + test, List.of("centre-lyon"),
                        "centre-manager")))
                .listNotifications(ListNotificationsRequest.newBuilder().setCentreId("centre-lyon").setPageSize(200)
                        .build()).getNotificationsList().stream()
                .filter(n -> n.getId().equals(record.getString("_id"))).toList();
        assertThat(listed).singleElement().satisfies(n -> {
            assertThat(n.getKind()).isEqualTo(NotificationKind.FUNDER_SURVEY_INVITATION);
            assertThat(n.getBeneficiaryId() + n.getAccountId() + n.getAssessmentId()).isEmpty();
        });
    }

    @Test
    void aMailServerThatCannotTakeAReminderNowFailsTheCallAndTheRedeliverySendsIt(CapturedOutput output)
            throws Exception {
        clock.set(T0);
        MAIL.reply(address, "451 4.3.0 <" + address + ">: try again later");

        assertThat(codeOf(() -> ConvocationEndToEndTest.producer().recordEvents(survey(1, address))))
                .isEqualTo(Status.Code.UNAVAILABLE);
        // the server's reply quoted the address: the service's log says whom without it
        assertThat(serviceLogs(output)).contains("451 4.3.0 <<destinataire>>: try again later").doesNotContain(address);
        assertThat(database.getCollection("notifications").find(Filters.eq("subject.surveyId", "s-" + test)).first())
                .isNull();

        MAIL.acceptAll();
        assertThat(ConvocationEndToEndTest.producer().recordEvents(survey(1, address)).getRecordedCount()).isEqualTo(1);
        MimeMessage reminder = MAIL.receivedBy(address).get(0);
        assertThat(reminder.getSubject()).isEqualTo("Rappel : votre avis sur les bilans de compétences de l’année 2026");
        assertThat(ConvocationEndToEndTest.part(reminder, "text/plain")).startsWith("Bonjour Alex Durand,")
                .contains(link, "Il n’est pas trop tard", "OPCO Atlas");
        assertThat(database.getCollection("notifications").find(Filters.eq("subject.surveyId", "s-" + test)).first()
                .getString("kind")).isEqualTo("FUNDER_SURVEY_REMINDER");
    }

    /** What the service logged: without the lines of the test's own mail server, which logs whom it received for. */
    private static String serviceLogs(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void anAddressTheMailServerRefusesForGoodIsRecordedFailed() {
        clock.set(T0);
        MAIL.reply(address, "550 5.1.1 Unknown user");

        assertThat(ConvocationEndToEndTest.producer().recordEvents(survey(0, address)).getRecordedCount()).isEqualTo(1);

        Document record = database.getCollection("notifications").find(Filters.eq("subject.surveyId", "s-" + test))
                .first();
        assertThat(record.getString("outcome")).isEqualTo("FAILED");
        assertThat(record.getString("outcomeReason")).contains("550");
        assertThat(MAIL.receivedBy(address)).isEmpty();
    }

    @Test
    void anAddressThatIsNoneIsRefusedNamingTheFieldAndNothingIsSent() {
        clock.set(T0);

        assertThat(FieldErrors.of(() -> ConvocationEndToEndTest.producer().recordEvents(survey(0, "alex.durand"))))
                .containsExactly("events[0].funder_survey_invitation.email_address: Adresse e-mail invalide.");
        assertThat(database.getCollection("facts").find(Filters.eq("_id", "funder-survey/s-" + test + "/0")).first())
                .isNull();
    }
}
