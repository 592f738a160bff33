package fr.bilan.quality.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.bilan.FunderRef;
import fr.bilan.quality.survey.FunderAddressees;
import fr.bilan.support.testing.MemoryMongo;

/**
 * The funders as kept on the embedded MongoDB: one per kind, name and SIRET in a centre whoever records it,
 * and the funders the bilans' facts name, counted per year ended.
 */
class FunderRepositoryTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private final MongoDatabase database = MONGO.freshDatabase();
    private final FunderRepository funders = new FunderRepository(database);
    private final String centre = "centre-" + UUID.randomUUID();

    static final FunderRef DUPONT = new FunderRef(FunderKind.EMPLOYER, "Boulangerie Dupont", "73282932000074");
    static final FunderRef CDC = new FunderRef(FunderKind.CAISSE_DES_DEPOTS, "Caisse des Dépôts (Mon Compte Formation)", "");

    @AfterAll
    static void close() {
        MONGO.close();
    }

    /** A bilan's facts as session-service's intake keeps them ({@code bilanRecords}). */
    private void bilan(String centreId, LocalDate end, FunderRef funder) {
        database.getCollection(BilanRecordRepository.COLLECTION).insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("centreId", centreId).append("outcome", end == null ? "IN_PROGRESS" : "COMPLETED")
                .append("endDate", BilanRecordRepository.day(end))
                .append("funder", funder == null ? null : new Document("kind", funder.kind().name())
                        .append("name", funder.name()).append("siret", funder.siret())));
    }

    @Test
    void aFunderIsRecordedOnceWhoeverRecordsItAndItsContactChangesInPlace() {
        Funder atlas = new Funder(UUID.randomUUID().toString(), FunderKind.OPCO, "Atlas", "", FunderOrigin.ADDED_BY_HAND,
                null, 0);
        assertThat(funders.add(centre, atlas)).isEqualTo(atlas);
        Funder again = new Funder(UUID.randomUUID().toString(), FunderKind.OPCO, "Atlas", "", FunderOrigin.ADDED_BY_HAND,
                null, 0);
        assertThat(funders.add(centre, again).id()).isEqualTo(atlas.id());
        assertThat(funders.add("centre-other", again).id()).isEqualTo(again.id());

        FunderContact claire = new FunderContact("Claire Martin", "claire@atlas.fr");
        funders.setContact(centre, atlas.id(), claire);
        assertThat(funders.recorded(centre)).containsExactly(atlas.withContact(claire));
        assertThat(funders.recorded("centre-other", atlas.id())).isEmpty();
        assertThat(funders.of(centre, atlas.id())).contains(new FunderAddressees.Addressee("Atlas", "Claire Martin",
                "claire@atlas.fr"));
        assertThat(funders.of("centre-other", again.id())).isEmpty();
    }

    @Test
    void theBilansOfAYearNameTheirFundersCountedTheOthersNot() {
        bilan(centre, LocalDate.of(2026, 1, 1), DUPONT);
        bilan(centre, LocalDate.of(2026, 12, 31), DUPONT);
        bilan(centre, LocalDate.of(2026, 6, 3), CDC);
        bilan(centre, LocalDate.of(2025, 12, 31), CDC);
        bilan(centre, LocalDate.of(2027, 1, 1), CDC);
        bilan(centre, LocalDate.of(2026, 6, 3), null);
        bilan(centre, null, DUPONT);
        bilan("centre-other", LocalDate.of(2026, 6, 3), DUPONT);

        List<FunderList.Tally> year = funders.namedByBilans(centre, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));

        assertThat(year).containsExactlyInAnyOrder(new FunderList.Tally(DUPONT, 2), new FunderList.Tally(CDC, 1));
        assertThat(funders.namedByBilans(centre, Funder.derivedId(centre, CDC))).contains(CDC);
        assertThat(funders.namedByBilans(centre, Funder.derivedId("centre-other", CDC))).isEmpty();
        assertThat(funders.centresWithFunders(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                .contains(centre, "centre-other");
        assertThat(funders.centresWithFunders(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1))).doesNotContain(centre);
    }

    @Test
    void aCentreAndYearDoneByTheYearlyDateStaysDone() {
        assertThat(funders.yearlyDone(centre, 2026)).isFalse();
        funders.markYearlyDone(centre, 2026);
        funders.markYearlyDone(centre, 2026);
        assertThat(funders.yearlyDone(centre, 2026)).isTrue();
        assertThat(funders.yearlyDone(centre, 2025)).isFalse();
    }
}
