package fr.bilan.quality.funder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.bilan.FunderRef;
import fr.bilan.quality.survey.FunderAddressees;
import fr.bilan.support.mongo.Inserts;

/**
 * The funders in MongoDB: {@code funders}, one document per funder a manager recorded something about
 * ({@code _id}, {@code centreId}, {@code key} (kind, name and SIRET: unique in a centre), {@code kind},
 * {@code name}, {@code siret}, {@code origin}, {@code contact} {@code {name, emailAddress}} or none);
 * {@code funderSurveyYears}, one document per centre and year the yearly date asked about
 * ({@code _id} = centre/year); and the funders named by {@code bilanRecords} ({@code funder} {@code {kind,
 * name, siret}}, {@code endDate}), read only. Also the survey's way to its addressee: the contact as
 * recorded when the invitation or a reminder goes.
 */
@Repository
class FunderRepository implements Funders, FunderAddressees {

    static final String COLLECTION = "funders";
    static final String YEARS = "funderSurveyYears";
    private static final String CENTRE = "centreId";
    private static final String KEY = "key";
    private static final String CONTACT = "contact";
    private static final String END_DATE = "endDate";
    private static final String FUNDER = "funder";

    private final MongoCollection<Document> funders;
    private final MongoCollection<Document> years;
    private final MongoCollection<Document> bilans;

    FunderRepository(MongoDatabase database) {
        this.funders = database.getCollection(COLLECTION);
        this.years = database.getCollection(YEARS);
        this.bilans = database.getCollection(BilanRecordRepository.COLLECTION);
        funders.createIndex(Indexes.ascending(CENTRE, KEY), new IndexOptions().unique(true));
    }

    @Override
    public List<Funder> recorded(String centreId) {
        return funders.find(Filters.eq(CENTRE, centreId)).map(FunderRepository::toFunder).into(new ArrayList<>());
    }

    @Override
    public Optional<Funder> recorded(String centreId, String id) {
        return Optional.ofNullable(funders.find(Filters.and(Filters.eq("_id", id), Filters.eq(CENTRE, centreId))).first())
                .map(FunderRepository::toFunder);
    }

    @Override
    public Funder add(String centreId, Funder funder) {
        Document document = new Document("_id", funder.id()).append(CENTRE, centreId).append(KEY, funder.key())
                .append("kind", funder.kind().name()).append("name", funder.name()).append("siret", funder.siret())
                .append("origin", funder.origin().name());
        if (funder.contact() != null) {
            document.append(CONTACT, contact(funder.contact()));
        }
        if (Inserts.insertIfNew(funders, document)) {
            return funder.withBilanCount(0);
        }
        // the same funder recorded before (a retry, a concurrent record): the one kept
        return Optional.ofNullable(funders.find(Filters.and(Filters.eq(CENTRE, centreId), Filters.eq(KEY, funder.key())))
                .first()).map(FunderRepository::toFunder).orElseThrow(() -> new IllegalStateException(
                        "funder " + funder.id() + " is recorded in another centre"));
    }

    @Override
    public void setContact(String centreId, String id, FunderContact contact) {
        funders.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(CENTRE, centreId)),
                Updates.set(CONTACT, contact(contact)));
    }

    @Override
    public List<FunderList.Tally> namedByBilans(String centreId, LocalDate from, LocalDate until) {
        return tallies(Filters.and(Filters.eq(CENTRE, centreId), Filters.gte(END_DATE, BilanRecordRepository.day(from)),
                Filters.lt(END_DATE, BilanRecordRepository.day(until)), Filters.ne(FUNDER, null)));
    }

    @Override
    public Optional<FunderRef> namedByBilans(String centreId, String id) {
        return tallies(Filters.and(Filters.eq(CENTRE, centreId), Filters.ne(FUNDER, null))).stream()
                .map(FunderList.Tally::funder).filter(ref -> Funder.derivedId(centreId, ref).equals(id)).findFirst();
    }

    private List<FunderList.Tally> tallies(org.bson.conversions.Bson match) {
        List<FunderList.Tally> tallies = new ArrayList<>();
        for (Document group : bilans.aggregate(List.of(Aggregates.match(match),
                Aggregates.group(new Document("kind", "$funder.kind").append("name", "$funder.name")
                        .append("siret", "$funder.siret"), Accumulators.sum("count", 1))))) {
            Document funder = group.get("_id", Document.class);
            tallies.add(new FunderList.Tally(new FunderRef(FunderKind.valueOf(funder.getString("kind")),
                    funder.getString("name"), funder.getString("siret")), group.get("count", Number.class).intValue()));
        }
        return tallies;
    }

    @Override
    public Set<String> centresWithFunders(LocalDate from, LocalDate until) {
        Set<String> centres = new HashSet<>();
        bilans.distinct(CENTRE, Filters.and(Filters.gte(END_DATE, BilanRecordRepository.day(from)),
                Filters.lt(END_DATE, BilanRecordRepository.day(until)), Filters.ne(FUNDER, null)), String.class)
                .into(centres);
        funders.distinct(CENTRE, Filters.eq("origin", FunderOrigin.ADDED_BY_HAND.name()), String.class).into(centres);
        return centres;
    }

    @Override
    public boolean yearlyDone(String centreId, int year) {
        return years.find(Filters.eq("_id", yearId(centreId, year))).first() != null;
    }

    @Override
    public void markYearlyDone(String centreId, int year) {
        Inserts.insertIfNew(years, new Document("_id", yearId(centreId, year)).append(CENTRE, centreId)
                .append("year", year));
    }

    @Override
    public Optional<Addressee> of(String centreId, String funderId) {
        return recorded(centreId, funderId).filter(funder -> funder.contact() != null)
                .map(funder -> new Addressee(funder.name(), funder.contact().name(), funder.contact().emailAddress()));
    }

    private static String yearId(String centreId, int year) {
        return centreId + "/" + year;
    }

    private static Document contact(FunderContact contact) {
        return new Document("name", contact.name()).append("emailAddress", contact.emailAddress());
    }

    private static Funder toFunder(Document d) {
        Document contact = d.get(CONTACT, Document.class);
        return new Funder(d.getString("_id"), FunderKind.valueOf(d.getString("kind")), d.getString("name"),
                d.getString("siret"), FunderOrigin.valueOf(d.getString("origin")),
                contact == null ? null : new FunderContact(contact.getString("name"), contact.getString("emailAddress")),
                0);
    }
}
