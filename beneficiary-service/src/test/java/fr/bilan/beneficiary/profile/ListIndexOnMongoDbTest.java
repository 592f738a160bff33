package fr.bilan.beneficiary.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The beneficiary lists against a real MongoDB, which the embedded stand-in is not: it serves them
 * by scanning (it uses no index but unique ones on exact values). Here the plan must walk the list
 * index from where the page starts, sort nothing, and read about one page of documents, however deep
 * the page. Runs wherever Docker exists; skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ListIndexOnMongoDbTest {

    private static final int BENEFICIARIES = 2_000;
    private static final int PAGE = 20;

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static MongoClient client;
    private static BeneficiaryRepository repository;

    @BeforeAll
    static void seed() {
        client = MongoClients.create(MONGO.getConnectionString());
        repository = new BeneficiaryRepository(client.getDatabase("bilan"));
        for (int i = 0; i < BENEFICIARIES; i++) {
            String centre = i % 2 == 0 ? "centre-lyon" : "centre-paris";
            // every tenth with the consultant of the narrowed lists
            List<String> consultants = i % 10 == 0 ? List.of("consultant-1") : List.of("consultant-2");
            repository.create(new BeneficiaryProfile(centre, "Prénom" + (i % 7), "Nom" + String.format("%05d", i),
                    "p" + i + "@example.fr", "", EmploymentStatus.OTHER, ""), consultants, "key-" + i, Instant.now());
        }
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aDeepPageWalksTheListIndexFromItsStartAndSortsNothing() {
        BeneficiaryQuery first = BeneficiaryQuery.of("centre-lyon", Set.of("centre-lyon"), Set.of(), "", PAGE, "");
        BeneficiaryQuery deep = first;
        // thirty pages on: a scan from the first beneficiary would read 600 documents; at most the last
        // one of the previous page is read again
        for (int page = 0; page < 30; page++) {
            deep = BeneficiaryQuery.of("centre-lyon", Set.of("centre-lyon"), Set.of(), "", PAGE,
                    deep.tokenAfter(repository.list(deep).next().orElseThrow()));
        }

        Document plan = repository.pageQuery(deep).explain(ExplainVerbosity.EXECUTION_STATS);

        assertThat(stages(plan)).contains("IXSCAN").doesNotContain("SORT", "COLLSCAN");
        assertThat(plan.toJson()).contains("centreId_1_familyKey_1_givenKey_1__id_1");
        Document stats = plan.get("executionStats", Document.class);
        assertThat(stats.getInteger("nReturned")).isEqualTo(PAGE + 1);
        assertThat(stats.getInteger("totalDocsExamined")).isLessThanOrEqualTo(PAGE + 2);
    }

    @Test
    void aConsultantsListWalksTheirOwnIndex() {
        BeneficiaryQuery query = BeneficiaryQuery.of("", Set.of("centre-lyon", "centre-paris"), Set.of(), "nom0",
                PAGE, "").assignedTo(Optional.of("consultant-1"));

        Document plan = repository.pageQuery(query).explain(ExplainVerbosity.EXECUTION_STATS);

        assertThat(stages(plan)).contains("IXSCAN").doesNotContain("SORT", "COLLSCAN");
        assertThat(plan.toJson()).contains("consultantIds_1_familyKey_1_givenKey_1__id_1");
        assertThat(plan.get("executionStats", Document.class).getInteger("totalDocsExamined"))
                .isLessThanOrEqualTo(PAGE + 2);
        assertThat(repository.list(query).beneficiaries()).hasSize(PAGE)
                .allSatisfy(beneficiary -> assertThat(beneficiary.consultantIds()).containsExactly("consultant-1"));
    }

    /** The stage names of the winning plan, from the top down. */
    private static String stages(Document explain) {
        return explain.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
    }
}
