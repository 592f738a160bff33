package fr.bilan.support.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import fr.bilan.proto.audit.v1.AccessOutcome;
import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.support.time.ProtoTime;

/**
 * The read side of the service's {@code access_records}: a beneficiary's or a centre's accesses,
 * newest first, page by page, as {@code bilan.audit.v1.AccessRecord} messages. Every query is
 * served by one of the two indexes {@link AccessRecords} creates.
 */
public class AccessRecordReader {

    private static final Bson NEWEST_FIRST = Sorts.descending(AccessRecords.TIME, AccessRecords.ID);

    private final MongoCollection<Document> records;
    private final Duration retention;

    public AccessRecordReader(MongoCollection<Document> records, Duration retention) {
        this.records = records;
        this.retention = retention;
    }

    /** How long a record is kept after it was written ({@code bilan.access-log.retention}). */
    public Duration retention() {
        return retention;
    }

    public AccessRecordPage list(AccessRecordQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(query.byCentre() ? Filters.eq(AccessRecords.CENTRE, query.centreId())
                : Filters.eq(AccessRecords.BENEFICIARY, query.beneficiaryId()));
        query.start().ifPresent(start -> filters.add(Filters.gte(AccessRecords.TIME, Date.from(start))));
        query.end().ifPresent(end -> filters.add(Filters.lt(AccessRecords.TIME, Date.from(end))));
        query.after().ifPresent(after -> filters.add(Filters.or(
                Filters.lt(AccessRecords.TIME, Date.from(after.time())),
                Filters.and(Filters.eq(AccessRecords.TIME, Date.from(after.time())),
                        Filters.lt(AccessRecords.ID, after.id())))));
        List<Document> documents = records.find(Filters.and(filters)).sort(NEWEST_FIRST)
                .limit(query.pageSize() + 1).into(new ArrayList<>());
        boolean more = documents.size() > query.pageSize();
        List<Document> page = more ? documents.subList(0, query.pageSize()) : documents;
        String next = "";
        if (more) {
            Document last = page.get(page.size() - 1);
            next = query.tokenAfter(new AccessRecordQuery.Position(last.getDate(AccessRecords.TIME).toInstant(),
                    last.getString(AccessRecords.ID)));
        }
        return new AccessRecordPage(page.stream().map(AccessRecordReader::toProto).toList(), next);
    }

    /** All of a beneficiary's access records, newest first (for a copy of their data, RGPD art. 15). */
    public List<AccessRecord> allOf(String beneficiaryId) {
        return records.find(Filters.eq(AccessRecords.BENEFICIARY, beneficiaryId)).sort(NEWEST_FIRST)
                .map(AccessRecordReader::toProto).into(new ArrayList<>());
    }

    /** When the newest access to a beneficiary's data happened; empty when none is kept. */
    public Optional<Instant> newestTimeOf(String beneficiaryId) {
        return Optional.ofNullable(records.find(Filters.eq(AccessRecords.BENEFICIARY, beneficiaryId))
                .projection(Projections.include(AccessRecords.TIME)).sort(NEWEST_FIRST).first())
                .map(document -> document.getDate(AccessRecords.TIME).toInstant());
    }

    static AccessRecord toProto(Document document) {
        return AccessRecord.newBuilder()
                .setId(document.getString(AccessRecords.ID))
                .setAccessTime(ProtoTime.of(document.getDate(AccessRecords.TIME).toInstant()))
                .setActor(text(document, AccessRecords.ACTOR))
                .addAllActorRoles(document.getList(AccessRecords.ACTOR_ROLES, String.class, List.of()))
                .setOperation(text(document, AccessRecords.OPERATION))
                .setResource(text(document, AccessRecords.RESOURCE))
                .setBeneficiaryId(text(document, AccessRecords.BENEFICIARY))
                .setCentreId(text(document, AccessRecords.CENTRE))
                .setService(text(document, AccessRecords.SERVICE))
                // records written before refusals were recorded were all granted
                .setOutcome(AccessOutcome.valueOf(document.get(AccessRecords.OUTCOME, AccessOutcome.GRANTED.name())))
                .build();
    }

    private static String text(Document document, String field) {
        return document.get(field, "");
    }
}
