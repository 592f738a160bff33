package fr.bilan.retention.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.testing.MemoryMongo;
import fr.bilan.support.testing.TestClock;

class DestructionCertificatesTest {

    private static final MemoryMongo MONGO = new MemoryMongo();

    private final MongoDatabase database = MONGO.freshDatabase();
    private final TestClock clock = new TestClock();
    private final DestructionCertificates certificates = new DestructionCertificates(database, clock);

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void appendsLinkedEntriesThatVerify() {
        DestructionCertificate first = certificates.append(Destructions.of("centre-a"));
        DestructionCertificate second = certificates.append(Destructions.of("centre-a"));
        DestructionCertificate third = certificates.append(Destructions.of("centre-a"));

        assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
        assertThat(first.previousHash()).isEqualTo(Anchor.GENESIS.hash());
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(certificates.chainOf("centre-a")).containsExactly(first, second, third);
        ChainVerification verification = CertificateChain.verify("centre-a", Anchor.GENESIS,
                certificates.chainOf("centre-a"));
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.count()).isEqualTo(3);
        assertThat(verification.headHash()).isEqualTo(third.hash()).hasSize(64);
    }

    @Test
    void certifiesWhatThePurgeReported() {
        clock.set(Instant.parse("2026-11-03T10:00:00.123456Z"));
        Destruction destruction = Destructions.of("centre-a");

        DestructionCertificate certificate = certificates.append(destruction);

        assertThat(certificate.documentHash()).isEqualTo(destruction.document().hash());
        assertThat(certificate.kind()).isEqualTo("SYNTHESIS_DOCUMENT");
        assertThat(certificate.ruleId()).isEqualTo(destruction.ruleId());
        assertThat(certificate.ruleVersion()).isEqualTo(destruction.ruleVersion());
        assertThat(certificate.dueAt()).isEqualTo(destruction.dueAt());
        assertThat(certificate.destroyedAt()).isEqualTo(destruction.destroyedAt());
        assertThat(certificate.runId()).isEqualTo("run-1");
        assertThat(certificate.certifiedAt()).isEqualTo(Instant.parse("2026-11-03T10:00:00.123Z"));
    }

    @Test
    void aPurgeRetriedAfterACrashGetsTheCertificateItHadAlready() {
        Destruction destruction = Destructions.of("centre-a");
        DestructionCertificate first = certificates.append(destruction);

        DestructionCertificate again = certificates.append(new Destruction("centre-a", destruction.document(),
                destruction.kind(), destruction.ruleId(), destruction.ruleVersion(), destruction.dueAt(),
                destruction.destroyedAt().plusSeconds(60), "run-2"));

        assertThat(again).isEqualTo(first);
        assertThat(certificates.chainOf("centre-a")).containsExactly(first);
    }

    @Test
    void theDocumentHashNamesTheObjectWithoutBeingAmbiguous() {
        DocumentIdentity document = new DocumentIdentity("doc-1", "syntheses", "a/b.pdf");

        assertThat(document.hash()).isEqualTo(new DocumentIdentity("doc-1", "syntheses", "a/b.pdf").hash())
                .matches("[0-9a-f]{64}");
        assertThat(document.hash()).isNotEqualTo(new DocumentIdentity("doc-1", "synthesesa", "/b.pdf").hash())
                .isNotEqualTo(new DocumentIdentity("doc-2", "syntheses", "a/b.pdf").hash());
    }

    @Test
    void racingAppendersLeaveOneGaplessChain() throws Exception {
        int threads = 4;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appenders = new ArrayList<>();
        Callable<Void> appender = () -> {
            start.await();
            for (int i = 0; i < perThread; i++) {
                certificates.append(Destructions.of("centre-a"));
            }
            return null;
        };
        for (int t = 0; t < threads; t++) {
            appenders.add(pool.submit(appender));
        }
        start.countDown();
        for (Future<?> done : appenders) {
            done.get();
        }
        pool.shutdown();

        ChainVerification verification = CertificateChain.verify("centre-a", Anchor.GENESIS,
                certificates.chainOf("centre-a"));
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.count()).isEqualTo(threads * perThread);
        assertThat(certificates.head("centre-a").sequence()).isEqualTo(threads * perThread);
    }

    @Test
    void eachCentreHasAChainOfItsOwn() {
        DestructionCertificate a1 = certificates.append(Destructions.of("centre-a"));
        DestructionCertificate b1 = certificates.append(Destructions.of("centre-b"));
        DestructionCertificate a2 = certificates.append(Destructions.of("centre-a"));

        assertThat(b1.sequence()).isEqualTo(1);
        assertThat(b1.previousHash()).isEqualTo(Anchor.GENESIS.hash());
        assertThat(a2.previousHash()).isEqualTo(a1.hash());
        assertThat(certificates.chainOf("centre-b")).containsExactly(b1);
        assertThat(CertificateChain.verify("centre-a", Anchor.GENESIS, certificates.chainOf("centre-a")).count())
                .isEqualTo(2);
        assertThat(CertificateChain.verify("centre-b", Anchor.GENESIS, certificates.chainOf("centre-b")).count())
                .isEqualTo(1);
        ChainVerification foreign = CertificateChain.verify("centre-a", Anchor.GENESIS, certificates.chainOf("centre-b"));
        assertThat(foreign.reason()).isEqualTo(ChainBreak.OTHER_CENTRE);
    }

    @Test
    void certificationTimesNeverGoBackEvenWhenTheClockDoes() {
        clock.set(Instant.parse("2026-11-03T10:00:00.123Z"));
        DestructionCertificate first = certificates.append(Destructions.of("centre-a"));
        clock.set(Instant.parse("2026-11-03T09:59:00Z"));

        DestructionCertificate second = certificates.append(Destructions.of("centre-a"));

        assertThat(second.certifiedAt()).isEqualTo(first.certifiedAt());
    }

    @Test
    void aStoredCertificateHoldsNoPersonAndNoPath() {
        Destruction destruction = Destructions.of("centre-a");
        DestructionCertificate certificate = certificates.append(destruction);

        Document stored = database.getCollection(DestructionCertificates.COLLECTION).find().first();

        assertThat(stored.keySet()).containsExactly("_id", "centreId", "sequence", "documentHash", "kind", "ruleId",
                "ruleVersion", "dueAt", "destroyedAt", "certifiedAt", "runId", "previousHash", "hash");
        assertThat(stored.values()).extracting(String::valueOf).noneMatch(value -> value.contains("ben-")
                || value.contains(destruction.document().objectKey())
                || value.contains(destruction.document().registryId()));
        assertThat(stored.getString("_id")).isEqualTo(certificate.id());
    }
}
