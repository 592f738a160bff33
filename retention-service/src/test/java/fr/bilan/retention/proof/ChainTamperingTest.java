package fr.bilan.retention.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.support.testing.MemoryMongo;
import fr.bilan.support.testing.TestClock;

/** Someone with write access to the collection changes the past: the verifier says where and how. */
class ChainTamperingTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final String CENTRE = "centre-a";

    private final MongoDatabase database = MONGO.freshDatabase();
    private final MongoCollection<Document> stored = database.getCollection(DestructionCertificates.COLLECTION);
    private final DestructionCertificates certificates = new DestructionCertificates(database, new TestClock());

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void fiveEntries() {
        for (int i = 0; i < 5; i++) {
            certificates.append(Destructions.of(CENTRE));
        }
        assertThat(verify().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"documentHash", "kind", "ruleId", "ruleVersion", "runId", "previousHash", "hash"})
    void anAlteredTextFieldBreaksItsEntry(String field) {
        stored.updateOne(entry(3), Updates.set(field, "0" + stored.find(entry(3)).first().getString(field)));

        assertBrokenAt(3, ChainBreak.ALTERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dueAt", "destroyedAt", "certifiedAt"})
    void anAlteredTimeBreaksItsEntry(String field) {
        Date time = stored.find(entry(3)).first().getDate(field);
        stored.updateOne(entry(3), Updates.set(field, new Date(time.getTime() - 1)));

        assertBrokenAt(3, ChainBreak.ALTERED);
    }

    @Test
    void aRemovedEntryIsMissing() {
        stored.deleteOne(entry(3));

        assertBrokenAt(3, ChainBreak.MISSING);
    }

    @Test
    void anEntryMovedToAnotherSequenceIsMissingWhereItWas() {
        stored.updateOne(entry(3), Updates.set("sequence", 9L));

        assertBrokenAt(3, ChainBreak.MISSING);
    }

    @Test
    void swappedEntriesBreakTheFirstOfThem() {
        stored.updateOne(entry(2), Updates.set("sequence", 1_000L));
        stored.updateOne(entry(3), Updates.set("sequence", 2L));
        stored.updateOne(entry(1_000), Updates.set("sequence", 3L));

        assertBrokenAt(2, ChainBreak.ALTERED);
    }

    @Test
    void anEntryRewrittenWithItsOwnHashRecomputedBreaksTheNextLink() {
        DestructionCertificate third = certificates.chainOf(CENTRE).into(new ArrayList<>()).get(2);
        DestructionCertificate rewritten = new DestructionCertificate(third.id(), third.centreId(), third.sequence(),
                third.documentHash(), third.kind(), "another-rule", third.ruleVersion(), third.dueAt(),
                third.destroyedAt(), third.certifiedAt(), third.runId(), third.previousHash(), null);
        rewritten = rewritten.withHash(rewritten.expectedHash());
        stored.updateOne(entry(3), Updates.combine(Updates.set("ruleId", "another-rule"),
                Updates.set("hash", rewritten.hash())));

        assertBrokenAt(4, ChainBreak.LINK_BROKEN);
    }

    @Test
    void anEntryMovedToAnotherCentreLeavesAGap() {
        stored.updateOne(entry(3), Updates.set("centreId", "centre-b"));

        assertBrokenAt(3, ChainBreak.MISSING);
    }

    @Test
    void saysWhatBrokeInEnglishAndInFrench() {
        stored.deleteOne(entry(3));

        ChainVerification verification = verify();

        assertThat(verification).hasToString("chain broken at sequence 3: the entry with this sequence is missing");
        assertThat(verification.frenchMessage()).isEqualTo("Chaîne rompue au certificat n° 3 : le certificat de ce numéro manque.");
    }

    private static Bson entry(long sequence) {
        return Filters.and(Filters.eq("centreId", CENTRE), Filters.eq("sequence", sequence));
    }

    private ChainVerification verify() {
        return CertificateChain.verify(CENTRE, Anchor.GENESIS, certificates.chainOf(CENTRE));
    }

    private void assertBrokenAt(long sequence, ChainBreak reason) {
        ChainVerification verification = verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenSequence()).as(verification.toString()).isEqualTo(sequence);
        assertThat(verification.reason()).isEqualTo(reason);
        // what was walked intact before the break: the entries before it
        assertThat(verification.count()).isEqualTo(sequence - 1);
    }
}
