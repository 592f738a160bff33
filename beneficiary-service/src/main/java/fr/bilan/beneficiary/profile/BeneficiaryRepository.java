package fr.bilan.beneficiary.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.Lookups;
import fr.bilan.support.mongo.Inserts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Beneficiaries in MongoDB, one document each, so every write is atomic on its own. A create
 * carries an idempotency key held in a unique index: a retried create finds the first document
 * instead of writing a second one. An update names the version it read: a concurrent change makes
 * it fail instead of being overwritten.
 */
@Repository
public class BeneficiaryRepository {

    private static final String ID = "_id";
    private static final String CENTRE = "centreId";
    private static final String EMAIL_KEY = "emailKey";
    private static final String FAMILY_KEY = "familyKey";
    private static final String GIVEN_KEY = "givenKey";
    private static final String VERSION = "version";
    private static final String REQUEST_KEY = "requestKey";

    private final MongoCollection<Document> collection;

    public BeneficiaryRepository(MongoDatabase database) {
        this.collection = database.getCollection("beneficiaries");
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending(CENTRE, EMAIL_KEY), new IndexOptions().unique(true));
        // serves every list: centre, then the sort order (filters on status narrow the scan)
        collection.createIndex(Indexes.ascending(CENTRE, FAMILY_KEY, GIVEN_KEY, ID));
    }

    /** Stores the beneficiary, or returns the one already stored under the same idempotency key. */
    public Beneficiary create(BeneficiaryProfile profile, String requestKey, Instant now) {
        Document document = new Document(ID, UUID.randomUUID().toString())
                .append(CENTRE, profile.centreId())
                .append("createTime", Date.from(now))
                .append(REQUEST_KEY, requestKey);
        profileFields(profile, now).forEach(field -> document.append(field.name(), field.value()));
        document.append(VERSION, 1L);
        if (Inserts.insertIfNew(collection, document)) {
            return toBeneficiary(document);
        }
        return Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, requestKey)).first())
                .map(BeneficiaryRepository::toBeneficiary)
                .orElseThrow(() -> emailTaken(profile));
    }

    /** The beneficiary {@code id} names ({@code field} of the request): {@code NOT_FOUND} when none. */
    public Beneficiary require(String id, String field) {
        return Lookups.require(field, id, this::findById, () -> notFound(id));
    }

    public Optional<Beneficiary> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(BeneficiaryRepository::toBeneficiary);
    }

    /**
     * Writes the new profile if the stored version is still {@code expectedVersion} (any version
     * when empty); {@code ABORTED} when someone changed it in between.
     */
    public Beneficiary update(String id, Optional<Long> expectedVersion, BeneficiaryProfile profile, Instant now) {
        Bson filter = expectedVersion.map(version -> Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, version)))
                .orElse(Filters.eq(ID, id));
        List<Bson> changes = new ArrayList<>();
        profileFields(profile, now).forEach(field -> changes.add(Updates.set(field.name(), field.value())));
        changes.add(Updates.inc(VERSION, 1L));
        Document updated;
        try {
            updated = collection.findOneAndUpdate(filter, Updates.combine(changes),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw emailTaken(profile);
            }
            throw e;
        }
        if (updated == null) {
            throw findById(id).isPresent()
                    ? Status.ABORTED.withDescription("Ce bénéficiaire a été modifié entre-temps par quelqu'un d'autre : "
                            + "relisez-le, puis refaites votre modification.").asRuntimeException()
                    : notFound(id);
        }
        return toBeneficiary(updated);
    }

    /** One page in (family name, given name, id) order, and the position after which the next one starts. */
    public Page list(BeneficiaryQuery query) {
        if (query.centres().isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.in(CENTRE, query.centres()));
        if (!query.statuses().isEmpty()) {
            filters.add(Filters.in("employmentStatus", query.statuses().stream().map(Enum::name).toList()));
        }
        if (!query.namePrefix().isEmpty()) {
            // a range rather than a regular expression, so the index is used
            filters.add(Filters.gte(FAMILY_KEY, query.namePrefix()));
            filters.add(Filters.lt(FAMILY_KEY, query.namePrefix() + Character.MAX_VALUE));
        }
        query.after().ifPresent(after -> filters.add(Filters.or(
                Filters.gt(FAMILY_KEY, after.familyKey()),
                Filters.and(Filters.eq(FAMILY_KEY, after.familyKey()), Filters.gt(GIVEN_KEY, after.givenKey())),
                Filters.and(Filters.eq(FAMILY_KEY, after.familyKey()), Filters.eq(GIVEN_KEY, after.givenKey()),
                        Filters.gt(ID, after.id())))));
        List<Document> documents = collection.find(Filters.and(filters))
                .sort(Sorts.ascending(FAMILY_KEY, GIVEN_KEY, ID))
                .limit(query.pageSize() + 1)
                .into(new ArrayList<>());
        boolean more = documents.size() > query.pageSize();
        List<Document> page = more ? documents.subList(0, query.pageSize()) : documents;
        Optional<BeneficiaryQuery.Position> next = Optional.empty();
        if (more) {
            Document last = page.get(page.size() - 1);
            next = Optional.of(new BeneficiaryQuery.Position(last.getString(FAMILY_KEY), last.getString(GIVEN_KEY),
                    last.getString(ID)));
        }
        return new Page(page.stream().map(BeneficiaryRepository::toBeneficiary).toList(), next);
    }

    /** @param next where the following page starts after; empty on the last page */
    public record Page(List<Beneficiary> beneficiaries, Optional<BeneficiaryQuery.Position> next) {
    }

    static StatusRuntimeException notFound(String id) {
        return Status.NOT_FOUND.withDescription("Aucun bénéficiaire n'a l'identifiant « " + id + " ».")
                .asRuntimeException();
    }

    private static StatusRuntimeException emailTaken(BeneficiaryProfile profile) {
        return Status.ALREADY_EXISTS.withDescription("L'adresse « " + profile.email()
                + " » est déjà celle d'un autre bénéficiaire de ce centre.").asRuntimeException();
    }

    private record Field(String name, Object value) {
    }

    private static List<Field> profileFields(BeneficiaryProfile profile, Instant now) {
        return List.of(
                new Field("givenName", profile.givenName()),
                new Field("familyName", profile.familyName()),
                new Field("email", profile.email()),
                new Field(EMAIL_KEY, profile.emailKey()),
                new Field("phone", profile.phone()),
                new Field("employmentStatus", profile.employmentStatus().name()),
                new Field("accountId", profile.accountId()),
                new Field(FAMILY_KEY, SearchKey.of(profile.familyName())),
                new Field(GIVEN_KEY, SearchKey.of(profile.givenName())),
                new Field("updateTime", Date.from(now)));
    }

    private static Beneficiary toBeneficiary(Document document) {
        BeneficiaryProfile profile = new BeneficiaryProfile(
                document.getString(CENTRE),
                document.getString("givenName"),
                document.getString("familyName"),
                document.getString("email"),
                document.getString("phone"),
                Optional.ofNullable(document.getString("employmentStatus")).map(EmploymentStatus::valueOf).orElse(null),
                document.getString("accountId"));
        // documents written before a field existed read as never updated, version 1
        Date created = document.getDate("createTime");
        return new Beneficiary(document.getString(ID), profile, created.toInstant(),
                document.get("updateTime", created).toInstant(), document.get(VERSION, 1L));
    }
}
