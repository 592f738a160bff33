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
import com.mongodb.MongoServerException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.beneficiary.account.AccountLinkOutbox;
import fr.bilan.beneficiary.account.AccountRules;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.refusal.DomainRefusal;
import fr.bilan.support.resources.Lookups;

/**
 * Beneficiaries in MongoDB, one document each, so every write is atomic on its own. A create
 * carries an idempotency key held in a unique index: a retried create finds the first document
 * instead of writing a second one. An update names the version it read: a concurrent change makes
 * it fail instead of being overwritten. An erasure removes the personal fields in one conditional
 * write; the record stays, as a stub, so that what the law keeps still points to a centre.
 */
@Repository
public class BeneficiaryRepository {

    public static final String COLLECTION = "beneficiaries";
    private static final String ID = "_id";
    private static final String CENTRE = "centreId";
    // centre and address in one field, unique where present (sparse): an erased record has none
    private static final String EMAIL_KEY = "centreEmailKey";
    private static final String LEGACY_EMAIL_KEY = "emailKey";
    // centre and login in one field, unique where present (sparse): a login is linked to one beneficiary per centre
    private static final String ACCOUNT_KEY = "centreAccountKey";
    private static final String FAMILY_KEY = "familyKey";
    private static final String GIVEN_KEY = "givenKey";
    private static final String VERSION = "version";
    private static final String REQUEST_KEY = "requestKey";
    private static final String CONSULTANTS = "consultantIds";
    private static final String ERASED_TIME = "erasedTime";
    private static final String ERASURE = "erasure";
    private static final List<String> CONTACT_FIELDS = List.of("email", EMAIL_KEY, "phone", "accountId", ACCOUNT_KEY);
    private static final List<String> IDENTITY_FIELDS = List.of("givenName", "familyName", "employmentStatus",
            FAMILY_KEY, GIVEN_KEY);

    private final MongoCollection<Document> collection;

    public BeneficiaryRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        moveToOneFieldEmailKeys();
        collection.createIndex(Indexes.ascending(EMAIL_KEY), new IndexOptions().unique(true).sparse(true));
        collection.createIndex(Indexes.ascending(ACCOUNT_KEY), new IndexOptions().unique(true).sparse(true));
        // serves every list: centre, then the sort order (filters on status narrow the scan)
        collection.createIndex(Indexes.ascending(CENTRE, FAMILY_KEY, GIVEN_KEY, ID));
        // a consultant's list: their beneficiaries (a multikey index on the array), in the same order
        collection.createIndex(Indexes.ascending(CONSULTANTS, FAMILY_KEY, GIVEN_KEY, ID));
    }

    /**
     * The ids of the beneficiaries of {@code centreId} assigned to {@code consultantId}: what a
     * consultant's lists of other records (such as CPF dossiers) are narrowed to, in one query on the
     * consultants' index rather than one read per record.
     */
    public List<String> idsAssignedTo(String consultantId, String centreId) {
        return collection.find(Filters.and(Filters.eq(CONSULTANTS, consultantId), Filters.eq(CENTRE, centreId), notErased()))
                .projection(Projections.include(ID)).map(document -> document.getString(ID)).into(new ArrayList<>());
    }

    /** Stores the beneficiary with the consultants assigned to them, or returns the one already stored under the same idempotency key. */
    public Beneficiary create(BeneficiaryProfile profile, List<String> consultantIds, String requestKey, Instant now) {
        Document document = new Document(ID, UUID.randomUUID().toString())
                .append(CENTRE, profile.centreId())
                .append("createTime", Date.from(now))
                .append(REQUEST_KEY, requestKey)
                .append(CONSULTANTS, consultantIds);
        profileFields(profile, now).forEach(field -> document.append(field.name(), field.value()));
        if (!profile.accountId().isEmpty()) {
            document.append(ACCOUNT_KEY, profile.accountKey())
                    .append(AccountLinkOutbox.MARKER.field(), AccountLinkOutbox.pendingLink(profile.accountId(), 1L, now));
        }
        document.append(VERSION, 1L);
        if (Inserts.insertIfNew(collection, document)) {
            return toBeneficiary(document);
        }
        Beneficiary first = Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, requestKey)).first())
                .map(BeneficiaryRepository::toBeneficiary)
                .orElseThrow(() -> taken(profile, ""));
        if (first.erased()) {
            throw Beneficiary.erasedRefusal();
        }
        return first;
    }

    /** The record, erased or not. */
    public Optional<Beneficiary> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(BeneficiaryRepository::toBeneficiary);
    }

    /** The record {@code id} names ({@code field} of the request), erased or not: {@code NotFound} when none. */
    public Beneficiary requireRecord(String id, String field) {
        return Lookups.require(field, id, this::findById, () -> Beneficiary.notFound(id));
    }

    /**
     * The beneficiary {@code id} names ({@code field} of the request): {@code NotFound} when none,
     * or when their data was erased.
     */
    public Beneficiary require(String id, String field) {
        Beneficiary beneficiary = requireRecord(id, field);
        if (beneficiary.erased()) {
            throw Beneficiary.erasedRefusal();
        }
        return beneficiary;
    }

    /**
     * Writes the new profile if the stored version is still {@code expectedVersion}; {@code Conflict}
     * when someone changed it in between. A new linked login ({@code relinked}) is handed on to
     * session-service by the same write ({@link AccountLinkOutbox}).
     */
    public Beneficiary update(String id, long expectedVersion, BeneficiaryProfile profile, boolean relinked,
            Instant now) {
        Bson filter = Filters.and(Filters.eq(ID, id), notErased(), Filters.eq(VERSION, expectedVersion));
        List<Bson> changes = new ArrayList<>();
        profileFields(profile, now).forEach(field -> changes.add(Updates.set(field.name(), field.value())));
        changes.add(profile.accountId().isEmpty() ? Updates.unset(ACCOUNT_KEY) : Updates.set(ACCOUNT_KEY, profile.accountKey()));
        if (relinked) {
            changes.add(Updates.set(AccountLinkOutbox.MARKER.field(),
                    AccountLinkOutbox.pendingLink(profile.accountId(), expectedVersion + 1, now)));
        }
        changes.add(Updates.inc(VERSION, 1L));
        Document updated;
        try {
            updated = collection.findOneAndUpdate(filter, Updates.combine(changes),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        } catch (MongoServerException e) {
            // findAndModify reports a unique key refused as a command error, not a write error
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw taken(profile, id);
            }
            throw e;
        }
        if (updated == null) {
            Optional<Beneficiary> current = findById(id);
            if (current.isPresent() && current.get().erased()) {
                throw Beneficiary.erasedRefusal();
            }
            throw current.isPresent() ? Beneficiary.modifiedMeanwhile() : Beneficiary.notFound(id);
        }
        return toBeneficiary(updated);
    }

    /**
     * Adds the consultant to those assigned ({@code true}) or removes them ({@code false}), a new
     * version only when that changes something; {@code NotFound} when there is no such live record.
     */
    public Beneficiary assign(String id, String consultantId, boolean assigned, Instant now) {
        Bson change = assigned ? Updates.addToSet(CONSULTANTS, consultantId) : Updates.pull(CONSULTANTS, consultantId);
        Bson unchanged = assigned ? Filters.ne(CONSULTANTS, consultantId) : Filters.eq(CONSULTANTS, consultantId);
        Document updated = collection.findOneAndUpdate(Filters.and(Filters.eq(ID, id), notErased(), unchanged),
                Updates.combine(change, Updates.set("updateTime", Date.from(now)), Updates.inc(VERSION, 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        // no match: already as asked (or erased meanwhile, which require refuses)
        return updated != null ? toBeneficiary(updated) : require(id, "beneficiary_id");
    }

    /** Matches the records whose personal data was not erased. */
    public static Bson notErased() {
        return Filters.exists(ERASED_TIME, false);
    }

    /** One page in (family name, given name, id) order, and the position after which the next one starts. */
    public Page list(BeneficiaryQuery query) {
        if (query.centres().isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        List<Document> documents = pageQuery(query).into(new ArrayList<>());
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

    /**
     * The query of one page, one more than the page size (to know whether another follows). Every
     * condition on the sort keys is a range on them, so MongoDB walks the list index from where the
     * page starts (the position after the previous page) instead of from the first beneficiary.
     */
    FindIterable<Document> pageQuery(BeneficiaryQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.in(CENTRE, query.centres()));
        filters.add(notErased());
        query.consultant().ifPresent(consultant -> filters.add(Filters.eq(CONSULTANTS, consultant)));
        if (!query.statuses().isEmpty()) {
            filters.add(Filters.in("employmentStatus", query.statuses().stream().map(Enum::name).toList()));
        }
        if (!query.namePrefix().isEmpty()) {
            // a range rather than a regular expression, so the index is used
            filters.add(Filters.gte(FAMILY_KEY, query.namePrefix()));
            filters.add(Filters.lt(FAMILY_KEY, query.namePrefix() + Character.MAX_VALUE));
        }
        query.after().ifPresent(after -> {
            // the bound the index scan starts from; the $or below only sorts out ties on the family name
            filters.add(Filters.gte(FAMILY_KEY, after.familyKey()));
            filters.add(Filters.or(
                    Filters.gt(FAMILY_KEY, after.familyKey()),
                    Filters.and(Filters.eq(FAMILY_KEY, after.familyKey()), Filters.gt(GIVEN_KEY, after.givenKey())),
                    Filters.and(Filters.eq(FAMILY_KEY, after.familyKey()), Filters.eq(GIVEN_KEY, after.givenKey()),
                            Filters.gt(ID, after.id()))));
        });
        return collection.find(Filters.and(filters))
                .sort(Sorts.ascending(FAMILY_KEY, GIVEN_KEY, ID))
                .limit(query.pageSize() + 1);
    }

    /** @param next where the following page starts after; empty on the last page */
    public record Page(List<Beneficiary> beneficiaries, Optional<BeneficiaryQuery.Position> next) {
    }

    /**
     * Erases the record's personal data in one write, if it is still at {@code expectedVersion} and
     * not erased: the contact fields go, with the e-mail's uniqueness key (the address may serve
     * again in the centre); the identity and its search keys too when {@code identity}. The fields
     * are removed, not blanked. The record keeps its id, centre and times, and gains
     * {@code erasedTime} and {@code receipt}: what the erasure answered, so that a retry is answered
     * the same.
     *
     * @return the erased record; empty when it changed or was erased in between
     */
    public Optional<Beneficiary> erase(String id, long expectedVersion, boolean identity, boolean unlink,
            Document receipt, Instant now) {
        List<Bson> changes = new ArrayList<>();
        if (unlink) {
            // the login no longer reaches the bilans either
            changes.add(Updates.set(AccountLinkOutbox.MARKER.field(),
                    AccountLinkOutbox.pendingLink("", expectedVersion + 1, now)));
        }
        CONTACT_FIELDS.forEach(field -> changes.add(Updates.unset(field)));
        if (identity) {
            IDENTITY_FIELDS.forEach(field -> changes.add(Updates.unset(field)));
        }
        changes.add(Updates.set(ERASED_TIME, Date.from(now)));
        changes.add(Updates.set(ERASURE, receipt));
        changes.add(Updates.set("updateTime", Date.from(now)));
        changes.add(Updates.inc(VERSION, 1L));
        Document erased = collection.findOneAndUpdate(
                Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, expectedVersion), notErased()),
                Updates.combine(changes), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(erased).map(BeneficiaryRepository::toBeneficiary);
    }

    /** What the erasure of this record answered, as {@link #erase} stored it; empty when not erased. */
    public Optional<Document> erasureReceipt(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).projection(Projections.include(ERASURE)).first())
                .map(document -> document.get(ERASURE, Document.class));
    }

    /**
     * What a unique key refused: the login, linked to another beneficiary of the centre (a rule:
     * {@link fr.bilan.beneficiary.account.AccountRefusal}), or else the address.
     */
    private DomainRefusal taken(BeneficiaryProfile profile, String id) {
        if (!profile.accountId().isEmpty() && collection.find(Filters.and(Filters.eq(ACCOUNT_KEY, profile.accountKey()),
                Filters.ne(ID, id))).first() != null) {
            return AccountRules.linkedElsewhere();
        }
        return Beneficiary.emailTaken(profile.email());
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
        Date erasedTime = document.getDate(ERASED_TIME);
        return new Beneficiary(document.getString(ID), profile, created.toInstant(),
                document.get("updateTime", created).toInstant(), document.get(VERSION, 1L),
                erasedTime == null ? null : erasedTime.toInstant(), document.getList(CONSULTANTS, String.class, List.of()));
    }

    /**
     * Until November 2026 the address was unique per centre through a compound index on (centre,
     * address); such an index holds erased records, which have no address, as duplicates of each
     * other. Records stored then get the one-field key, and the old index goes last: while it is
     * there, the move is (re)done, and once it is gone start-up scans nothing.
     */
    private void moveToOneFieldEmailKeys() {
        String legacyIndex = CENTRE + "_1_" + LEGACY_EMAIL_KEY + "_1";
        if (!collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()).contains(legacyIndex)) {
            return;
        }
        for (Document old : collection.find(Filters.exists(LEGACY_EMAIL_KEY)).projection(
                Projections.include(CENTRE, LEGACY_EMAIL_KEY))) {
            collection.updateOne(Filters.eq(ID, old.get(ID)), Updates.combine(
                    Updates.set(EMAIL_KEY, BeneficiaryProfile.emailKey(old.getString(CENTRE),
                            old.getString(LEGACY_EMAIL_KEY))),
                    Updates.unset(LEGACY_EMAIL_KEY)));
        }
        collection.dropIndex(legacyIndex);
    }
}
