package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;

import fr.bilan.notification.NotificationApplication;
import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.NotificationRepository;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;
import fr.bilan.support.identity.Account;
import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The dispatcher against a real SMTP server ({@link TestMailServer}, GreenMail), beneficiary-service's
 * contacts stood in for by {@link FakeBeneficiaryContacts} (the service's own token checked there), the
 * staff's logins by {@link FakeKeycloakAdmin}, and a clock the tests move. The scheduled runs are a
 * day apart: each test runs the dispatcher itself.
 */
@SpringBootTest(classes = { NotificationApplication.class, TestClock.class, TestTemplates.class })
class DispatcherTest extends GrpcServiceTestSupport {

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
        registry.add("bilan.notification.delivery.rate-per-second", () -> "1000");
    }

    @Autowired
    private Dispatcher dispatcher;

    @Autowired
    private Notifications notifications;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private TestClock clock;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private PrometheusMeterRegistry prometheus;

    private final String test = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void atT0() {
        clock.set(T0);
        database.getCollection(NotificationRepository.COLLECTION).deleteMany(new Document());
    }

    @AfterEach
    void heal() {
        CONTACTS.heal();
        MAIL.acceptAll();
        clock.reset();
    }

    private String email(String name) {
        return name + "." + test + "@example.org";
    }

    /** A beneficiary known to beneficiary-service, with their e-mail: their id. */
    private String beneficiary(String name, String email) {
        String id = "b-" + name + "-" + test;
        CONTACTS.put(id, "centre-lyon", "Camille", name, email, "", "consultant-" + test);
        return id;
    }

    private Notification plan(String name, Recipient recipient, NotificationKind kind, Instant due) {
        Subject subject = kind == NotificationKind.STAFF_DIGEST
                ? new Subject.Digest(due.atZone(java.time.ZoneOffset.UTC).toLocalDate(), List.of())
                : new Subject.Session("a-" + test, "s-" + name, "consultant-" + test, SessionPhase.INVESTIGATION,
                        T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(2)).plusSeconds(3600), null,
                        "https://visio.example/abc", 0, "a-" + test + ".s-" + name + "@bilan-competences");
        Notification message = Notification.planned("n-" + name + "-" + test, "e-" + name + "-" + test + "/" + kind, kind,
                "centre-lyon", recipient, "a-" + test, subject, due);
        assertThat(notifications.plan(message)).isTrue();
        return message;
    }

    private Notification stored(Notification message) {
        return notifications.byId(message.id()).orElseThrow();
    }

    private double count(NotificationKind kind, String outcome) {
        Counter counter = meters.find(DeliveryMetrics.OUTCOMES).tag("kind", kind.name()).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String messageId(Notification message) {
        return "<" + message.id() + "@bilan.localhost>";
    }

    @Test
    void aDueMessageGoesOnceAsWrittenToTheBeneficiarysAddressOfNow() throws Exception {
        String address = email("camille");
        String beneficiary = beneficiary("Martin", address);
        FakeKeycloakAdmin.instance().put(new Account("consultant-" + test, Set.of("consultant"), Set.of("centre-lyon"),
                "claire@example.org", "Claire", "Dubois"));
        Notification convocation = plan("convocation", new Recipient.Beneficiary(beneficiary), NotificationKind.CONVOCATION,
                T0.minusSeconds(60));
        Notification tomorrow = plan("reminder", new Recipient.Beneficiary(beneficiary), NotificationKind.SESSION_REMINDER,
                T0.plus(Duration.ofDays(1)));
        double sentBefore = count(NotificationKind.CONVOCATION, "sent");

        Dispatcher.Run run = dispatcher.dispatchDue();

        assertThat(run.sent()).isEqualTo(1);
        List<MimeMessage> received = MAIL.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("CONVOCATION " + convocation.subject().reference());
        assertThat(mail.getFrom()[0].toString()).contains("ne-pas-repondre@bilan.localhost");
        assertThat(mail.getMessageID()).isEqualTo(messageId(convocation));
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        List<String> parts = new ArrayList<>();
        collect(mail, parts);
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("text/plain").contains("Camille Martin |  | "
                + "Europe/Paris | Claire Dubois | http://localhost:3000/assessments/a-" + test + "/sessions/s-convocation"));
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("text/html").contains("lang=\"fr\""));
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("text/calendar")
                .contains("seance.ics").contains("UID:a-" + test + ".s-convocation@bilan-competences"));

        Notification sent = stored(convocation);
        assertThat(sent.outcome()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(sent.templateVersion()).isEqualTo(TestTemplates.VERSION);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.outcomeTime()).isEqualTo(T0);
        assertThat(stored(tomorrow).outcome()).as("not due yet").isEqualTo(DeliveryOutcome.PENDING);
        assertThat(CONTACTS.callsFor(beneficiary)).containsExactly(
                new FakeBeneficiaryContacts.Call(beneficiary, "convocation", Status.Code.OK));
        assertThat(count(NotificationKind.CONVOCATION, "sent")).isEqualTo(sentBefore + 1);

        assertThat(dispatcher.dispatchDue().sent()).as("sent once").isZero();
        assertThat(MAIL.receivedBy(address)).hasSize(1);
    }

    /** Every part as « content type | file name | content ». */
    private static void collect(Part part, List<String> parts) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
            return;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(content);
        parts.add(part.getContentType().toLowerCase() + " | " + part.getFileName() + " | " + content.toString("UTF-8"));
    }

    @Test
    void aDigestGoesToTheStaffMembersAddressInTheDirectory() throws Exception {
        String address = email("julien");
        FakeKeycloakAdmin.instance().put(new Account("manager-" + test, Set.of("centre-manager"), Set.of("centre-lyon"),
                address, "Julien", "Moreau"));
        Notification digest = plan("digest", new Recipient.Staff("manager-" + test), NotificationKind.STAFF_DIGEST, T0);

        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);

        MimeMessage mail = MAIL.receivedBy(address).get(0);
        assertThat(MAIL.receivedBy(address)).hasSize(1);
        assertThat(mail.getMessageID()).isEqualTo(messageId(digest));
        List<String> parts = new ArrayList<>();
        collect(mail, parts);
        assertThat(parts).anySatisfy(part -> assertThat(part).startsWith("text/plain")
                .contains("Julien Moreau |  | Europe/Paris | null | http://localhost:3000/"));
        assertThat(stored(digest).outcome()).isEqualTo(DeliveryOutcome.SENT);
    }

    @Test
    void someoneWithoutAnAddressIsRecordedUndeliverableWithTheReasonOnceAndTheOthersStillGo() {
        String withoutEmail = beneficiary("SansAdresse", "");
        FakeKeycloakAdmin.instance().put(new Account("noemail-" + test, Set.of("consultant"), Set.of("centre-lyon"),
                null, "Sans", "Adresse"));
        Notification noEmail = plan("no-email", new Recipient.Beneficiary(withoutEmail), NotificationKind.CONVOCATION,
                T0.minusSeconds(30));
        Notification unknown = plan("unknown", new Recipient.Beneficiary("erased-" + test), NotificationKind.CONVOCATION,
                T0.minusSeconds(20));
        Notification staffNoEmail = plan("staff-no-email", new Recipient.Staff("noemail-" + test),
                NotificationKind.STAFF_DIGEST, T0.minusSeconds(10));
        Notification staffGone = plan("staff-gone", new Recipient.Staff("gone-" + test), NotificationKind.STAFF_DIGEST,
                T0.minusSeconds(5));
        Notification badAddress = plan("bad-address", new Recipient.Beneficiary(beneficiary("Mal", "pas une adresse")),
                NotificationKind.CONVOCATION, T0.minusSeconds(3));
        String address = email("other");
        Notification other = plan("other", new Recipient.Beneficiary(beneficiary("Autre", address)),
                NotificationKind.CONVOCATION, T0);
        double undeliverableBefore = count(NotificationKind.CONVOCATION, "undeliverable");
        int receivedBefore = MAIL.received().size();

        Dispatcher.Run run = dispatcher.dispatchDue();

        assertThat(run.undeliverable()).isEqualTo(5);
        assertThat(run.sent()).isEqualTo(1);
        assertThat(MAIL.received()).hasSize(receivedBefore + 1);
        assertThat(MAIL.receivedBy(address)).hasSize(1);
        assertThat(stored(other).outcome()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(List.of(noEmail, unknown, staffNoEmail, staffGone, badAddress)).map(this::stored).allSatisfy(message -> {
            assertThat(message.outcome()).isEqualTo(DeliveryOutcome.UNDELIVERABLE);
            assertThat(message.attempts()).isZero();
            assertThat(message.outcomeTime()).isEqualTo(T0);
        });
        assertThat(stored(noEmail).outcomeReason()).isEqualTo("Le bénéficiaire n'a pas d'adresse e-mail enregistrée : "
                + "ajoutez-la à sa fiche pour qu'il reçoive les prochains messages.");
        assertThat(stored(unknown).outcomeReason()).startsWith("Le bénéficiaire est inconnu ou ses données personnelles");
        assertThat(stored(staffNoEmail).outcomeReason()).startsWith("Ce compte n'a pas d'adresse e-mail");
        assertThat(stored(staffGone).outcomeReason()).startsWith("Ce compte n'existe plus");
        assertThat(stored(badAddress).outcomeReason()).startsWith("L'adresse e-mail enregistrée n'est pas une adresse valide");
        assertThat(count(NotificationKind.CONVOCATION, "undeliverable")).isEqualTo(undeliverableBefore + 3);

        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(dispatcher.dispatchDue()).as("never tried again").isEqualTo(new Dispatcher.Run(0, 0, 0, 0, 0, false));
        assertThat(CONTACTS.callsFor(withoutEmail)).hasSize(1);
    }

    @Test
    void theRelayDownForAnHourLosesNothingAndThenSendsEachMessageOnceInOrderPerRecipient() {
        List<String> addresses = List.of(email("alice"), email("bruno"), email("chloe"));
        List<List<Notification>> planned = new ArrayList<>();
        for (String address : addresses) {
            Recipient recipient = new Recipient.Beneficiary(beneficiary(address.substring(0, 5), address));
            List<Notification> theirs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // interleaved between recipients: each one's messages are due one after the other
                theirs.add(plan(address.substring(0, 5) + i, recipient, NotificationKind.CONVOCATION,
                        T0.plusSeconds(10L * i + addresses.indexOf(address))));
            }
            planned.add(theirs);
        }
        MAIL.stop();
        try {
            for (Instant now = T0.plusSeconds(60); !now.isAfter(T0.plus(Duration.ofHours(1))); now = now.plusSeconds(60)) {
                clock.set(now);
                Dispatcher.Run run = dispatcher.dispatchDue();
                assertThat(run.sent() + run.failed() + run.undeliverable()).isZero();
            }
            planned.stream().flatMap(List::stream).map(this::stored).forEach(message -> {
                assertThat(message.outcome()).isEqualTo(DeliveryOutcome.PENDING);
                assertThat(message.nextAttemptTime()).isAfterOrEqualTo(message.dueTime());
            });
            assertThat(planned.stream().map(theirs -> stored(theirs.get(0)).attempts())).as("tried, with backoff")
                    .allSatisfy(attempts -> assertThat(attempts).isBetween(2, 8));
            assertThat(meters.get("bilan.notifications.oldest.due.age").gauge().value()).isGreaterThanOrEqualTo(3500);
            assertThat(meters.get("bilan.notifications.due").gauge().value()).isPositive();
        } finally {
            MAIL.start();
        }

        Instant now = T0.plus(Duration.ofHours(1));
        for (int minute = 0; minute < 40 && MAIL.received().stream().count() < 12; minute++) {
            now = now.plusSeconds(60);
            clock.set(now);
            dispatcher.dispatchDue();
        }

        for (int i = 0; i < addresses.size(); i++) {
            assertThat(MAIL.receivedBy(addresses.get(i))).as("in order, once each").extracting(DispatcherTest::id)
                    .containsExactlyElementsOf(planned.get(i).stream().map(DispatcherTest::messageId).toList());
        }
        assertThat(planned.stream().flatMap(List::stream).map(this::stored)).allSatisfy(message ->
                assertThat(message.outcome()).isEqualTo(DeliveryOutcome.SENT));
        assertThat(dispatcher.dispatchDue().sent()).isZero();
        assertThat(MAIL.received()).hasSize(12);
    }

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRefusalForGoodIsRecordedFailedAndARefusalForNowWaitsWithItsRecipientsLaterMessages() {
        String refused = email("refused");
        String later = email("later");
        String fine = email("fine");
        MAIL.reply(refused, "550 5.1.1 Mailbox unavailable");
        MAIL.reply(later, "451 4.3.0 Try again later");
        Notification failed = plan("refused", new Recipient.Beneficiary(beneficiary("Refus", refused)),
                NotificationKind.CONVOCATION, T0.minusSeconds(40));
        Recipient laterOne = new Recipient.Beneficiary(beneficiary("Plustard", later));
        Notification first = plan("first", laterOne, NotificationKind.CONVOCATION, T0.minusSeconds(30));
        Notification second = plan("second", laterOne, NotificationKind.SESSION_CANCELLED, T0.minusSeconds(20));
        Notification other = plan("fine", new Recipient.Beneficiary(beneficiary("Bien", fine)), NotificationKind.CONVOCATION,
                T0.minusSeconds(10));
        double failedBefore = count(NotificationKind.CONVOCATION, "failed");

        Dispatcher.Run run = dispatcher.dispatchDue();

        assertThat(run).isEqualTo(new Dispatcher.Run(1, 0, 1, 1, 1, false));
        Notification refusedForGood = stored(failed);
        assertThat(refusedForGood.outcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(refusedForGood.outcomeReason()).isEqualTo("Le serveur de messagerie a refusé ce message définitivement "
                + "(code 550) : il ne sera pas renvoyé. Vérifiez l'adresse du destinataire.");
        assertThat(refusedForGood.templateVersion()).isEqualTo(TestTemplates.VERSION);
        assertThat(count(NotificationKind.CONVOCATION, "failed")).isEqualTo(failedBefore + 1);
        assertThat(meters.get("bilan.notifications.failed").gauge().value()).isEqualTo(1);
        // the names the chart's alert and the operators' dashboards read
        assertThat(prometheus.scrape()).contains("bilan_notifications_failed ", "bilan_notifications_oldest_due_age_seconds ",
                "bilan_notifications_due ", "bilan_notifications_deferred_total{", "bilan_notifications_total{")
                .containsPattern("bilan_notifications_total\\{[^}]*kind=\"CONVOCATION\"[^}]*outcome=\"failed\"");
        Notification deferred = stored(first);
        assertThat(deferred.outcome()).isEqualTo(DeliveryOutcome.PENDING);
        assertThat(deferred.attempts()).isEqualTo(1);
        assertThat(deferred.nextAttemptTime()).isBetween(T0.plusSeconds(30), T0.plusSeconds(60));
        assertThat(stored(second).attempts()).as("waits behind the first").isZero();
        assertThat(stored(other).outcome()).isEqualTo(DeliveryOutcome.SENT);

        MAIL.acceptAll();
        clock.set(T0.plusSeconds(61));
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(2);
        assertThat(MAIL.receivedBy(later)).extracting(DispatcherTest::id).containsExactly(messageId(first), messageId(second));
        assertThat(MAIL.receivedBy(refused)).isEmpty();
    }

    @Test
    void aMessageRefusedForNowUntilTheGiveUpAgeIsRecordedFailed() {
        String address = email("never");
        MAIL.reply(address, "452 4.2.2 Mailbox full");
        Notification message = plan("never", new Recipient.Beneficiary(beneficiary("Jamais", address)),
                NotificationKind.SYNTHESIS_AVAILABLE, T0);
        assertThat(dispatcher.dispatchDue().deferred()).isEqualTo(1);

        clock.set(T0.plus(Duration.ofDays(3)));
        assertThat(dispatcher.dispatchDue().failed()).isEqualTo(1);

        Notification givenUp = stored(message);
        assertThat(givenUp.outcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(givenUp.attempts()).isEqualTo(2);
        assertThat(givenUp.outcomeReason())
                .isEqualTo("Le serveur de messagerie n'a pas pu prendre ce message pendant 3 jours : il ne sera plus renvoyé.");
    }

    @Test
    void beneficiaryServiceDownStopsTheRunAndTheMessageWaitsUntouched() {
        String address = email("patient");
        Notification message = plan("patient", new Recipient.Beneficiary(beneficiary("Patient", address)),
                NotificationKind.CONVOCATION, T0);
        CONTACTS.goDown();

        Dispatcher.Run run = dispatcher.dispatchDue();

        assertThat(run.stopped()).isTrue();
        Notification waiting = stored(message);
        assertThat(waiting.outcome()).isEqualTo(DeliveryOutcome.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.version()).as("nothing written").isZero();

        CONTACTS.heal();
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        assertThat(MAIL.receivedBy(address)).hasSize(1);
    }
}
