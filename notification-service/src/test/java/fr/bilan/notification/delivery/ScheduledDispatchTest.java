package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
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
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;

/** The service sends what is due on its own, every {@code interval}, under its lock in the service's database. */
@SpringBootTest(classes = { NotificationApplication.class, TestTemplates.class })
class ScheduledDispatchTest extends GrpcServiceTestSupport {

    private static final FakeBeneficiaryContacts CONTACTS = FakeBeneficiaryContacts.started();
    private static final TestMailServer MAIL = new TestMailServer();

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void dispatcherProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.client-secret", () -> "test-only-secret");
        registry.add("bilan.oidc.token-uri", TestIdentityProvider::tokenEndpoint);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "127.0.0.1:" + CONTACTS.port);
        registry.add("spring.mail.port", () -> MAIL.port);
        registry.add("bilan.notification.delivery.interval", () -> "200ms");
    }

    @Autowired
    private Notifications notifications;

    @Autowired
    private MongoDatabase database;

    @Test
    void aDueMessageLeavesWithNobodyAskingAndTheRunHoldsTheDispatchersLock() {
        CONTACTS.put("b-scheduled", "centre-lyon", "Camille", "Martin", "scheduled@example.org", "");
        Notification message = Notification.planned("n-scheduled", "e-scheduled/SYNTHESIS_AVAILABLE",
                NotificationKind.SYNTHESIS_AVAILABLE, "centre-lyon", new Recipient.Beneficiary("b-scheduled"), "a-scheduled",
                new Subject.Synthesis("a-scheduled"), Instant.now());
        notifications.plan(message);

        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.receivedBy("scheduled@example.org").size() == 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.byId(message.id()).orElseThrow().outcome()
                == DeliveryOutcome.SENT);
        assertThat(database.getCollection("shedlock").find(new Document("_id", DeliveryConfiguration.LOCK)).first())
                .isNotNull();
    }
}
