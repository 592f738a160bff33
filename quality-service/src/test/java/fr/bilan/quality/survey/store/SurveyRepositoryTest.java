package fr.bilan.quality.survey.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.support.testing.MemoryMongo;

/**
 * The funders' surveys in {@code surveys} on the embedded MongoDB: one per funder and year whatever its id
 * (the unique key), without a bilan, read back whole; the bilans' surveys carry no funder fields.
 */
class SurveyRepositoryTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");
    private final MongoDatabase database = MONGO.freshDatabase();
    private final SurveyRepository surveys = new SurveyRepository(database);

    @AfterAll
    static void close() {
        MONGO.close();
    }

    @Test
    void aFunderIsAskedOnceAYearWhateverTheSurveysId() {
        Survey first = Survey.ofFunder("s-1", "funder-1", 2026, "centre-lyon", "reseau-2026-1", T0);
        assertThat(surveys.plan(first)).isTrue();
        assertThat(surveys.plan(Survey.ofFunder("s-2", "funder-1", 2026, "centre-lyon", "reseau-2026-1", T0))).isFalse();
        assertThat(surveys.plan(Survey.ofFunder("s-3", "funder-1", 2025, "centre-lyon", "reseau-2026-1", T0))).isTrue();
        assertThat(surveys.plan(Survey.ofFunder("s-4", "funder-2", 2026, "centre-lyon", "reseau-2026-1", T0))).isTrue();

        assertThat(surveys.byId("s-1")).contains(first);
        assertThat(surveys.byId("s-2")).isEmpty();
        assertThat(surveys.ofFunders("centre-lyon", 2026)).extracting(Survey::id).containsExactly("s-1", "s-4");
        assertThat(surveys.ofFunders("centre-paris", 2026)).isEmpty();
        Document stored = database.getCollection(SurveyRepository.COLLECTION).find(Filters.eq("_id", "s-1")).first();
        assertThat(stored.get("assessmentId")).isNull();
        assertThat(stored.get("endDate")).isNull();
    }

    @Test
    void theBilansSurveysCarryNoFunderAndAreNotHeldByItsKey() {
        for (String id : new String[] { "b-1", "b-2" }) {
            assertThat(surveys.plan(Survey.planned(id, "a-" + id, "centre-lyon", SurveyKind.END_OF_BILAN, "reseau-2026-1",
                    T0, LocalDate.of(2026, 12, 1)))).isTrue();
        }
        Document stored = database.getCollection(SurveyRepository.COLLECTION).find(Filters.eq("_id", "b-1")).first();
        assertThat(stored).doesNotContainKeys("funderId", "year");
        assertThat(surveys.byId("b-2").orElseThrow().funderId()).isNull();
        assertThat(surveys.ofFunders("centre-lyon", 2026)).isEmpty();
    }
}
