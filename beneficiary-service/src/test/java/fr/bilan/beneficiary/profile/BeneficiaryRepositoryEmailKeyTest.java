package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.support.refusal.AlreadyExists;

/** Records stored before erasure existed: their address keys move to the one-field index erasure needs. */
class BeneficiaryRepositoryEmailKeyTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("bilan");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void movesLegacyKeysAndDropsTheCompoundIndex() {
        MongoCollection<Document> stored = database.getCollection("beneficiaries");
        stored.createIndex(Indexes.ascending("centreId", "emailKey"), new IndexOptions().unique(true));
        stored.insertOne(new Document("_id", "old-1").append("centreId", "centre-lyon").append("email", "A@x.fr")
                .append("emailKey", "a@x.fr").append("givenName", "A").append("familyName", "B")
                .append("createTime", new Date()).append("requestKey", "k-1").append("version", 1L));

        BeneficiaryRepository repository = new BeneficiaryRepository(database);

        Document moved = stored.find().first();
        assertThat(moved.getString("centreEmailKey")).isEqualTo("centre-lyon\na@x.fr");
        assertThat(moved.containsKey("emailKey")).isFalse();
        assertThat(stored.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                .doesNotContain("centreId_1_emailKey_1").contains("centreEmailKey_1");
        // the moved key still guards the address in its centre, and only there
        var sameAddress = new BeneficiaryProfile("centre-lyon", "C", "D", "a@X.fr", "", EmploymentStatus.OTHER, "");
        assertThatThrownBy(() -> repository.create(sameAddress, List.of(), "k-2", Instant.now()))
                .isInstanceOf(AlreadyExists.class);
        assertThat(repository.create(new BeneficiaryProfile("centre-paris", "C", "D", "a@x.fr", "",
                EmploymentStatus.OTHER, ""), List.of(), "k-3", Instant.now()).profile().centreId()).isEqualTo("centre-paris");
    }
}
