package fr.bilan.quality.bilan;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The bilans' facts in MongoDB ({@code bilanRecords}), one document each: {@code _id} (the assessment id),
 * {@code beneficiaryId}, {@code centreId}, {@code consultantId}, {@code outcome}, {@code startDate},
 * {@code endDate} and {@code followUpDueDate} (UTC midnights of the days), {@code synthesisHandoverTime},
 * {@code fundingKind}, {@code agreementSignDate} (a UTC midnight), {@code funder} ({@code kind}, {@code name},
 * {@code siret}; absent when none), {@code followUpSessionTime}, {@code revision}, and {@code phases}: [{@code phase}, {@code plannedMinutes},
 * {@code deliveredMinutes}, {@code sessionsPlanned}, {@code sessionsAttended}, {@code sessionsMissed}].
 * The results and the audit pack read it by {@code centreId} and {@code endDate}.
 */
@Repository
public class BilanRecordRepository implements BilanRecords {

    public static final String COLLECTION = "bilanRecords";
    private static final String REVISION = "revision";

    private final MongoCollection<Document> collection;

    BilanRecordRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("centreId", "endDate"));
        collection.createIndex(Indexes.ascending("endDate"));
    }

    @Override
    public Optional<Recorded> record(BilanRecord record) {
        Optional<BilanRecord> kept = byId(record.assessmentId());
        if (kept.isPresent() && kept.get().revision() >= record.revision()) {
            return kept.get().revision() == record.revision()
                    ? Optional.of(new Recorded(kept, kept.get())) : Optional.empty();
        }
        try {
            // replaced only while what is kept is older: a concurrent newer revision wins
            collection.replaceOne(Filters.and(Filters.eq("_id", record.assessmentId()),
                    Filters.lt(REVISION, record.revision())), toDocument(record), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // a concurrent intake kept the same or a newer revision first
            return record(record);
        }
        return Optional.of(new Recorded(kept, record));
    }

    @Override
    public Optional<BilanRecord> byId(String assessmentId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", assessmentId)).first())
                .map(BilanRecordRepository::toRecord);
    }

    @Override
    public boolean erase(String assessmentId) {
        return collection.deleteOne(Filters.eq("_id", assessmentId)).getDeletedCount() == 1;
    }

    static Document toDocument(BilanRecord r) {
        List<Document> phases = r.phases().stream().map(hours -> new Document("phase", hours.phase().name())
                .append("plannedMinutes", hours.plannedMinutes()).append("deliveredMinutes", hours.deliveredMinutes())
                .append("sessionsPlanned", hours.sessionsPlanned()).append("sessionsAttended", hours.sessionsAttended())
                .append("sessionsMissed", hours.sessionsMissed())).toList();
        return new Document("_id", r.assessmentId()).append("beneficiaryId", r.beneficiaryId())
                .append("centreId", r.centreId()).append("consultantId", r.consultantId())
                .append("outcome", r.outcome().name()).append("startDate", day(r.startDate()))
                .append("endDate", day(r.endDate()))
                .append("synthesisHandoverTime", r.synthesisHandoverTime() == null ? null : Date.from(r.synthesisHandoverTime()))
                .append("followUpDueDate", day(r.followUpDueDate())).append("fundingKind", r.fundingKind())
                .append("agreementSignDate", day(r.agreementSignDate()))
                .append("funder", r.funder() == null ? null : new Document("kind", r.funder().kind().name())
                        .append("name", r.funder().name()).append("siret", r.funder().siret()))
                .append("followUpSessionTime", r.followUpSessionTime() == null ? null : Date.from(r.followUpSessionTime()))
                .append(REVISION, r.revision()).append("phases", phases);
    }

    static BilanRecord toRecord(Document d) {
        List<PhaseHours> phases = new ArrayList<>();
        for (Document hours : d.getList("phases", Document.class, List.of())) {
            phases.add(new PhaseHours(Phase.valueOf(hours.getString("phase")), hours.getInteger("plannedMinutes"),
                    hours.getInteger("deliveredMinutes"), hours.getInteger("sessionsPlanned"),
                    hours.getInteger("sessionsAttended"), hours.getInteger("sessionsMissed")));
        }
        Date handover = d.getDate("synthesisHandoverTime");
        Document funder = d.get("funder", Document.class);
        Date followUpSession = d.getDate("followUpSessionTime");
        return new BilanRecord(d.getString("_id"), d.getString("beneficiaryId"), d.getString("centreId"),
                d.getString("consultantId"), Outcome.valueOf(d.getString("outcome")), localDay(d.getDate("startDate")),
                localDay(d.getDate("endDate")), handover == null ? null : handover.toInstant(), phases,
                localDay(d.getDate("followUpDueDate")), d.getString("fundingKind"),
                localDay(d.getDate("agreementSignDate")), funder == null ? null
                        : new FunderRef(FunderKind.valueOf(funder.getString("kind")), funder.getString("name"),
                                funder.getString("siret")),
                followUpSession == null ? null : followUpSession.toInstant(), d.getLong(REVISION));
    }

    /** A day as its UTC midnight, so that ranges of days compare as dates. */
    public static Date day(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The day a {@link #day(LocalDate)} stands for. */
    public static LocalDate localDay(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    @Override
    public List<BilanRecord> dropOutsEndedBetween(String centreId, LocalDate from, LocalDate until) {
        List<String> dropOuts = Arrays.stream(Outcome.values()).filter(Outcome::dropOut).map(Outcome::name).toList();
        return collection.find(Filters.and(Filters.eq("centreId", centreId), Filters.gte("endDate", day(from)),
                        Filters.lt("endDate", day(until)), Filters.in("outcome", dropOuts)))
                .sort(Sorts.descending("endDate", "_id")).map(BilanRecordRepository::toRecord).into(new ArrayList<>());
    }

    @Override
    public List<BilanRecord> underWay(String centreId, LocalDate firstDay, LocalDate endDay) {
        Date first = day(firstDay);
        Date end = day(endDay);
        // served by the centreId+endDate index: the ended ones by their range, the others by endDate null
        var filter = Filters.and(Filters.eq("centreId", centreId), Filters.or(
                Filters.and(Filters.lt("startDate", end), Filters.or(Filters.eq("endDate", null),
                        Filters.gte("endDate", first))),
                Filters.and(Filters.eq("startDate", null), Filters.gte("endDate", first), Filters.lt("endDate", end))));
        List<BilanRecord> found = new ArrayList<>();
        collection.find(filter).forEach(document -> found.add(toRecord(document)));
        return found;
    }

    @Override
    public List<BilanRecord> byIds(List<String> assessmentIds) {
        return collection.find(Filters.in("_id", assessmentIds)).map(BilanRecordRepository::toRecord)
                .into(new ArrayList<>());
    }
}
