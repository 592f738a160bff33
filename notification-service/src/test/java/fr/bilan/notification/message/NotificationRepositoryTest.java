package fr.bilan.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The messages as stored: every subject back whole, one message per key, versions, the dispatcher's reads. */
class NotificationRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static MongoServer server;
    private static MongoClient client;
    private static MongoDatabase database;
    private NotificationRepository repository;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("notification");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void empty() {
        database.getCollection(NotificationRepository.COLLECTION).deleteMany(new Document());
        repository = new NotificationRepository(database);
    }

    private static Subject.Session session(String id) {
        return new Subject.Session("a1", id, "k1", SessionPhase.INVESTIGATION, T0.plusSeconds(86_400),
                T0.plusSeconds(90_000), null, "https://visio.example/abc", 2, "a1." + id + "@bilan-competences");
    }

    private static Notification message(String id, Recipient recipient, Subject subject, NotificationKind kind, long dueSeconds) {
        return Notification.planned(id, "e-" + id + "/" + kind, kind, "c1", recipient, "a1", subject, T0.plusSeconds(dueSeconds));
    }

    @Test
    void everySubjectComesBackAsItWasPlanned() {
        List<Notification> planned = List.of(
                message("n1", new Recipient.Beneficiary("b1"), session("s1"), NotificationKind.CONVOCATION, 0),
                message("n2", new Recipient.Beneficiary("b1"), new Subject.Agreement("f1", LocalDate.of(2026, 12, 17)),
                        NotificationKind.AGREEMENT_AWAITING_SIGNATURE, 0),
                message("n3", new Recipient.Beneficiary("b1"), new Subject.Synthesis("a1"), NotificationKind.SYNTHESIS_AVAILABLE, 0),
                message("n4", new Recipient.Staff("k1"), new Subject.Digest(LocalDate.of(2026, 12, 7),
                        List.of(new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN, "a1", T0))),
                        NotificationKind.STAFF_DIGEST, 0),
                message("n5", new Recipient.Beneficiary("b1"), new Subject.Session("a1", "s2", "k1", SessionPhase.INTAKE, T0,
                        T0.plusSeconds(3600), "Salle 2", null, 0, "a1.s2@bilan-competences"), NotificationKind.SESSION_REMINDER, 0),
                message("n6", new Recipient.Staff("k2"), new Subject.Digest(LocalDate.of(2026, 12, 7), List.of(),
                        List.of(new Subject.CpfDeadlineItem("d1", "7240000001", CpfDossierState.IN_TRAINING,
                                "Déclarer la sortie de formation au plus tard le 07/12/2026", LocalDate.of(2026, 12, 7))),
                        false), NotificationKind.STAFF_DIGEST, 0),
                message("n7", new Recipient.Staff("k3"), new Subject.Digest(LocalDate.of(2026, 12, 7), List.of(), List.of(),
                        true), NotificationKind.STAFF_DIGEST, 0),
                message("n8", new Recipient.Beneficiary("b1"), new Subject.Survey("s1", "a1", true, 1, T0),
                        NotificationKind.SURVEY_REMINDER, 0),
                Notification.planned("n9", "e-n9", NotificationKind.FUNDER_SURVEY_REMINDER, "c1",
                        new Recipient.FunderContact("s2"), null, new Subject.FunderSurvey("s2", "OPCO Atlas", 2026, 2, T0),
                        T0),
                message("n10", new Recipient.Staff("k1"), new Subject.FollowUp("a1", "b1", LocalDate.of(2027, 6, 1)),
                        NotificationKind.FOLLOW_UP_ACCEPTED, 0));

        planned.forEach(n -> assertThat(repository.plan(n)).isTrue());

        planned.forEach(n -> assertThat(repository.byId(n.id())).contains(n));
    }

    @Test
    void aDigestWrittenBeforeItsCpfLinesReadsWithNone() {
        Subject.Digest digest = new Subject.Digest(LocalDate.of(2026, 12, 7),
                List.of(new Subject.DigestItem(Subject.DigestItemKind.SESSION_TO_SIGN, "a1", T0)));
        assertThat(repository.plan(message("n1", new Recipient.Staff("k1"), digest, NotificationKind.STAFF_DIGEST, 0)))
                .isTrue();
        // as the digests planned before the CPF lines were stored
        database.getCollection(NotificationRepository.COLLECTION).updateOne(new Document("_id", "n1"),
                new Document("$unset", new Document("subject.cpf", "").append("subject.cpfUnread", "")));

        assertThat(repository.byId("n1").orElseThrow().subject()).isEqualTo(digest);
    }

    @Test
    void aKeyPlansOneMessageAndAStaleWriteIsRefused() {
        Notification first = message("n1", new Recipient.Beneficiary("b1"), session("s1"), NotificationKind.CONVOCATION, 0);
        assertThat(repository.plan(first)).isTrue();
        Notification sameKey = new Notification("n2", first.key(), first.kind(), "c1", first.recipient(), "a1",
                first.subject(), T0, DeliveryOutcome.PENDING, 0, T0, null, null, null, 0);
        assertThat(repository.plan(sameKey)).isFalse();
        assertThat(repository.byId("n2")).isEmpty();

        assertThat(repository.replace(first.sent("v1", T0))).isTrue();
        assertThat(repository.replace(first.withdrawn("plus utile", T0))).as("written over a newer state").isFalse();
        Notification stored = repository.byKey(first.key()).orElseThrow();
        assertThat(stored.outcome()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void theDispatcherReadsDueMessagesOldestFirstAndOnePersonsInOrder() {
        Recipient b1 = new Recipient.Beneficiary("b1");
        repository.plan(message("late", b1, session("s1"), NotificationKind.CONVOCATION, 60));
        repository.plan(message("early", b1, session("s2"), NotificationKind.CONVOCATION, 10));
        repository.plan(message("future", b1, session("s3"), NotificationKind.SESSION_REMINDER, 3_600));
        repository.plan(message("other", new Recipient.Staff("k1"), session("s4"), NotificationKind.STAFF_DIGEST, 30));

        assertThat(repository.due(T0.plusSeconds(120), 10)).extracting(Notification::id).containsExactly("early", "other", "late");
        assertThat(repository.due(T0.plusSeconds(120), 1)).extracting(Notification::id).containsExactly("early");
        assertThat(repository.anyPendingAhead(repository.byId("late").orElseThrow())).isTrue();
        assertThat(repository.anyPendingAhead(repository.byId("early").orElseThrow())).isFalse();
        assertThat(repository.pendingAbout(Subject.Session.reference("a1", "s3"), List.of(NotificationKind.SESSION_REMINDER)))
                .extracting(Notification::id).containsExactly("future");
        assertThat(repository.pendingFor(b1, List.of(NotificationKind.SESSION_REMINDER))).extracting(Notification::id)
                .containsExactly("future");
        assertThat(repository.ofCentreAfter("c1", DeliveryOutcome.PENDING, "b1", null, null, 10)).extracting(Notification::id)
                .containsExactly("future", "late", "early");
        assertThat(repository.eraseAssessment("a1")).isEqualTo(4);
        assertThat(repository.pendingOfAssessment("a1")).isEmpty();
    }
}
