package fr.bilan.beneficiary.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.BeneficiaryApplication;
import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.consent.ConsentDecision;
import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.consent.ConsentKind;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.beneficiary.consent.NewConsent;
import fr.bilan.support.outbox.OutboxMetrics;
import fr.bilan.support.testing.FakeRetention.Call;
import fr.bilan.support.testing.OutboxRelayTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/** The consent relay: ledger order per beneficiary, gap grace, head of line, one replica at a time. */
@SpringBootTest(classes = BeneficiaryApplication.class, properties = "bilan.outbox.gap-grace=1s")
@DirtiesContext
class OutboxRelayTest extends OutboxRelayTestSupport {

    @Autowired
    private ConsentRepository consents;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private LockProvider outboxLockProvider;

    OutboxRelayTest() {
        super("consent");
    }

    private ConsentEntry append(String beneficiaryId) {
        var consent = new NewConsent(ConsentKind.PARTICIPATION, ConsentDecision.GRANTED, null, EvidenceMethod.IN_APP, "");
        return consents.append(beneficiaryId, consent, "consultant-1", UUID.randomUUID().toString(), Instant.now());
    }

    private MongoCollection<Document> records() {
        return database.getCollection(ConsentRepository.COLLECTION);
    }

    private Document outboxOf(ConsentEntry entry) {
        return records().find(Filters.eq("_id", entry.id())).first().get("outbox", Document.class);
    }

    private boolean delivered(ConsentEntry entry) {
        Document outbox = outboxOf(entry);
        return !outbox.containsKey("pending") && outbox.getDate("deliveredTime") != null;
    }

    @Test
    void deliversEveryRecordInLedgerOrderPerBeneficiaryThroughFailures() {
        double failuresBefore = count(OutboxMetrics.FAILURES, "code", "UNAVAILABLE");
        RETENTION.failNext(3);
        List<String> beneficiaries = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<ConsentEntry> appended = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            beneficiaries.forEach(beneficiary -> appended.add(append(beneficiary)));
        }

        await().atMost(AT_MOST).until(() -> appended.stream().allMatch(this::delivered));

        for (String beneficiary : beneficiaries) {
            assertThat(RETENTION.takenIn(beneficiary)).containsExactly(1L, 2L, 3L, 4L);
            // head of line: a record is never sent before the one before it was acknowledged
            long acknowledged = 0;
            for (Call call : RETENTION.callsFor(beneficiary)) {
                assertThat(call.change().getSequence()).isBetween(acknowledged, acknowledged + 1);
                if (call.answer() == Status.Code.OK) {
                    acknowledged = call.change().getSequence();
                }
            }
        }
        int attempts = appended.stream().mapToInt(entry -> outboxOf(entry).getInteger("attempts")).sum();
        assertThat(attempts).isEqualTo(3);
        assertThat(count(OutboxMetrics.FAILURES, "code", "UNAVAILABLE") - failuresBefore).isEqualTo(3);
        assertThat(RETENTION.callers()).containsExactly(TestIdentityProvider.SERVICE_ACCOUNT);
    }

    @Test
    void waitsLongerAfterEachFailureInARow() {
        ConsentEntry entry = append(UUID.randomUUID().toString());
        RETENTION.refuse(entry.id(), Status.UNAVAILABLE);

        assertBacksOff(() -> outboxOf(entry), "UNAVAILABLE", 5);

        RETENTION.accept(entry.id());
        await().atMost(AT_MOST).until(() -> delivered(entry));
        assertThat(outboxOf(entry).getInteger("attempts")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void deliversAgainARecordWhoseAcknowledgementWasLostAndRetentionKeepsItOnce() {
        double redeliveriesBefore = count(OutboxMetrics.DELIVERIES, "first_delivery", "false");
        String beneficiary = UUID.randomUUID().toString();
        ConsentEntry entry = append(beneficiary);
        RETENTION.loseAcknowledgementOf(entry.id());

        await().atMost(AT_MOST).until(() -> delivered(entry));

        List<Call> calls = RETENTION.callsFor(beneficiary);
        assertThat(calls).extracting(Call::answer).containsExactly(Status.Code.UNAVAILABLE, Status.Code.OK);
        assertThat(calls).extracting(Call::firstDelivery).containsExactly(true, false);
        assertThat(RETENTION.takenIn(beneficiary)).containsExactly(1L);
        assertThat(outboxOf(entry).getInteger("attempts")).isEqualTo(1);
        assertThat(count(OutboxMetrics.DELIVERIES, "first_delivery", "false") - redeliveriesBefore).isEqualTo(1);
    }

    @Test
    void aRefusedRecordIsRetriedAndHoldsBackOnlyItsOwnBeneficiary() {
        double refusalsBefore = count(OutboxMetrics.FAILURES, "code", "INVALID_ARGUMENT");
        String refusedBeneficiary = UUID.randomUUID().toString();
        String otherBeneficiary = UUID.randomUUID().toString();
        ConsentEntry refused = append(refusedBeneficiary);
        RETENTION.refuse(refused.id(), Status.INVALID_ARGUMENT);
        ConsentEntry behind = append(refusedBeneficiary);
        ConsentEntry other = append(otherBeneficiary);

        await().atMost(AT_MOST).until(() -> delivered(other) && outboxOf(refused).getInteger("attempts") >= 3);

        assertThat(RETENTION.callsFor(refusedBeneficiary)).extracting(call -> call.change().getEventId())
                .containsOnly(refused.id());
        assertThat(delivered(behind)).isFalse();
        assertThat(count(OutboxMetrics.FAILURES, "code", "INVALID_ARGUMENT") - refusalsBefore).isGreaterThanOrEqualTo(3);

        RETENTION.accept(refused.id());
        await().atMost(AT_MOST).until(() -> delivered(behind));
        assertThat(RETENTION.takenIn(refusedBeneficiary)).containsExactly(1L, 2L);
    }

    @Test
    void nothingIsRelayedWhileAnotherReplicaHoldsTheLock() {
        // the relay itself may hold the lock for the run under way: take it between two runs
        var lock = await().atMost(AT_MOST).until(() -> outboxLockProvider.lock(new LockConfiguration(Instant.now(),
                "consent-outbox-relay", Duration.ofMinutes(1), Duration.ZERO)), Optional::isPresent);
        ConsentEntry entry;
        try {
            entry = append(UUID.randomUUID().toString());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> !RETENTION.hasTakenIn(entry.id()) && !delivered(entry));
        } finally {
            lock.get().unlock();
        }

        await().atMost(AT_MOST).until(() -> delivered(entry));
        assertThat(RETENTION.hasTakenIn(entry.id())).isTrue();
    }

    @Test
    void aRecordWaitsForAMissingEarlierNumberThatLandsLate() {
        String beneficiary = UUID.randomUUID().toString();
        ConsentEntry first = append(beneficiary);
        await().atMost(AT_MOST).until(() -> delivered(first));
        // number 2 is taken by a request whose insert has not landed yet
        database.getCollection("consent_ledgers").updateOne(Filters.eq("_id", beneficiary), Updates.inc("last", 1L));
        ConsentEntry third = append(beneficiary);
        assertThat(third.sequence()).isEqualTo(3);

        Document late = records().find(Filters.eq("_id", third.id())).first();
        late.put("_id", UUID.randomUUID().toString());
        late.put("sequence", 2L);
        late.put("requestKey", UUID.randomUUID().toString());
        records().insertOne(late);

        await().atMost(AT_MOST).until(() -> delivered(third));
        assertThat(RETENTION.takenIn(beneficiary)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRecordAfterANumberThatNeverLandsGoesOnceTheGraceIsOver() {
        String beneficiary = UUID.randomUUID().toString();
        database.getCollection("consent_ledgers").updateOne(Filters.eq("_id", beneficiary), Updates.inc("last", 1L),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        ConsentEntry second = append(beneficiary);

        await().atMost(AT_MOST).until(() -> delivered(second));

        Date deliveredTime = outboxOf(second).getDate("deliveredTime");
        assertThat(Duration.between(second.recordTime(), deliveredTime.toInstant())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(RETENTION.takenIn(beneficiary)).containsExactly(2L);
    }

    @Test
    void theChartReadsItsOutboxMetrics() {
        assertTheChartReadsItsOutboxMetrics();
    }
}
