package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
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
import fr.bilan.proto.notification.internal.v1.FollowUpAccepted;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.support.identity.Account;
import fr.bilan.support.testing.FakeBeneficiaryContacts;
import fr.bilan.support.testing.FakeKeycloakAdmin;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import jakarta.mail.internet.MimeMessage;

/**
 * A follow-up interview accepted, from quality-service's fact over gRPC to the e-mail the consultant's
 * mailbox receives: their address from the identity provider, the beneficiary's name from
 * beneficiary-service (read for that purpose, which their access register records), told only to a
 * consultant who looks after them; a link to the bilan's sessions, where the follow-up is booked, and no
 * secret. Once per fact.
 */
@SpringBootTest(classes = { NotificationApplication.class, TestClock.class })
class FollowUpAcceptedEndToEndTest extends GrpcServiceTestSupport {

    /** The convocations' stand-ins: beneficiary-service's contacts and the mail server. */
    private static final FakeBeneficiaryContacts CONTACTS = ConvocationEndToEndTest.CONTACTS;
    private static final TestMailServer MAIL = ConvocationEndToEndTest.MAIL;
    private static final Instant T0 = Instant.parse("2027-06-03T08:00:00Z");

    @DynamicPropertySource
    static void dispatcherProperties(DynamicPropertyRegistry registry) {
        ConvocationEndToEndTest.dispatcherProperties(registry);
    }

    @Autowired
    private Dispatcher dispatcher;
    @Autowired
    private TestClock clock;
    @Autowired
    private MongoDatabase database;

    private final String test = UUID.randomUUID().toString().substring(0, 8);
    private final String consultant = "consultant-" + test;
    private final String consultantAddress = "claire." + test + "@example.org";
    private final String beneficiary = "b-" + test;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private RecordEventsRequest accepted(String consultantId) {
        return RecordEventsRequest.newBuilder().addEvents(NotificationEvent.newBuilder()
                .setEventId("follow-up/a-" + test + "/accepted").setOccurTime(ProtoTime.of(clock.instant()))
                .setFollowUpAccepted(FollowUpAccepted.newBuilder().setAssessmentId("a-" + test)
                        .setBeneficiaryId(beneficiary).setCentreId("centre-lyon").setConsultantId(consultantId)
                        .setDueDate(ProtoDates.of(LocalDate.of(2027, 6, 1)))))
                .build();
    }

    private void knownConsultant() {
        FakeKeycloakAdmin.instance().put(new Account(consultant, Set.of("consultant"), Set.of("centre-lyon"),
                consultantAddress, "Claire", "Dubois"));
    }

    private Document record() {
        return database.getCollection("notifications").find(Filters.eq("assessmentId", "a-" + test)).first();
    }

    @Test
    void theConsultantIsToldWhoAcceptedAndAskedToBookItOnce() throws Exception {
        clock.set(T0);
        knownConsultant();
        CONTACTS.put(beneficiary, "centre-lyon", "Camille", "Martin", "camille." + test + "@example.org", "", consultant);

        assertThat(ConvocationEndToEndTest.producer().recordEvents(accepted(consultant)).getRecordedCount())
                .isEqualTo(1);
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);

        MimeMessage notice = MAIL.receivedBy(consultantAddress).get(0);
        assertThat(notice.getSubject()).isEqualTo("Entretien de suivi accepté : un rendez-vous à planifier");
        String link = "http://localhost:3000/assessments/a-" + test + "/sessions";
        assertThat(ConvocationEndToEndTest.part(notice, "text/plain")).startsWith("Bonjour Claire Dubois,").contains(
                "Camille Martin a accepté l’entretien de suivi", "à partir du mardi 1er juin 2027",
                "comme séance d’entretien de suivi", "Planifier l’entretien de suivi : " + link)
                .doesNotContain("surveyPages");
        assertThat(ConvocationEndToEndTest.part(notice, "text/html")).contains("href=\"" + link + "\"",
                "<strong>Camille Martin</strong>");
        // the beneficiary's name was read for this message, which their access register records
        assertThat(CONTACTS.callsFor(beneficiary)).extracting(FakeBeneficiaryContacts.Call::purpose)
                .containsOnly("follow-up-accepted");
        // the record names the consultant and the bilan, never the beneficiary's name
        Document record = record();
        assertThat(record.getString("kind")).isEqualTo("FOLLOW_UP_ACCEPTED");
        assertThat(record.getString("accountId")).isEqualTo(consultant);
        assertThat(record.getString("outcome")).isEqualTo("SENT");
        assertThat(record.toJson()).doesNotContain("Camille", "Martin", consultantAddress);

        // redelivered: taken once, sent once
        assertThat(ConvocationEndToEndTest.producer().recordEvents(accepted(consultant)).getRecordedCount()).isZero();
        assertThat(dispatcher.dispatchDue().sent()).isZero();
        assertThat(MAIL.receivedBy(consultantAddress)).hasSize(1);
    }

    @Test
    void aConsultantWhoNoLongerLooksAfterTheBeneficiaryIsNotToldTheirNameAndTheCentreSeesWhy() {
        clock.set(T0);
        knownConsultant();
        CONTACTS.put(beneficiary, "centre-lyon", "Camille", "Martin", "", "", "another-consultant-" + test);

        ConvocationEndToEndTest.producer().recordEvents(accepted(consultant));
        assertThat(dispatcher.dispatchDue().undeliverable()).isEqualTo(1);

        assertThat(MAIL.receivedBy(consultantAddress)).isEmpty();
        assertThat(record().getString("outcome")).isEqualTo("UNDELIVERABLE");
        assertThat(record().getString("outcomeReason")).startsWith("Ce consultant n'accompagne plus ce bénéficiaire");
    }

    @Test
    void anErasedBeneficiaryIsNamedToNoOne() {
        clock.set(T0);
        knownConsultant();

        ConvocationEndToEndTest.producer().recordEvents(accepted(consultant));
        assertThat(dispatcher.dispatchDue().undeliverable()).isEqualTo(1);

        assertThat(MAIL.receivedBy(consultantAddress)).isEmpty();
        assertThat(record().getString("outcomeReason")).startsWith("Le bénéficiaire est inconnu");
    }

    @Test
    void beneficiaryServiceOutOfReachKeepsTheMessageWaitingUntilItAnswers() throws Exception {
        clock.set(T0);
        knownConsultant();
        CONTACTS.put(beneficiary, "centre-lyon", "Camille", "Martin", "", "", consultant);
        CONTACTS.goDown();
        try {
            ConvocationEndToEndTest.producer().recordEvents(accepted(consultant));
            assertThat(dispatcher.dispatchDue().stopped()).isTrue();
            assertThat(record().getString("outcome")).isEqualTo("PENDING");
        } finally {
            CONTACTS.heal();
        }

        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        assertThat(MAIL.receivedBy(consultantAddress)).hasSize(1);
    }

    @Test
    void aFactWithoutItsDueDayIsRefused() {
        clock.set(T0);
        RecordEventsRequest request = accepted(consultant);
        RecordEventsRequest withoutDay = request.toBuilder().setEvents(0, request.getEvents(0).toBuilder()
                .setFollowUpAccepted(request.getEvents(0).getFollowUpAccepted().toBuilder().clearDueDate())).build();

        assertThat(codeOf(() -> ConvocationEndToEndTest.producer().recordEvents(withoutDay)))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(record()).isNull();
    }
}
