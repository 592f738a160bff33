package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.refusal.Conflict;

/**
 * CPF dossiers in {@code cpfDossiers}, one document each under its funding's id, written whole under
 * its {@code version}. Beside the dossier each document keeps what its lists sort and count by,
 * computed at each write: {@code open}, {@code nextDeadlineDate} (the centre's next deadline, null
 * when none) and {@code deadlineOrder}, the same date or {@link #NO_DEADLINE} (MongoDB sorts null
 * first; a dossier without deadline goes last). Dates are ISO strings, which sort as dates. Whether a
 * deadline is overdue depends on today: only its date is stored, compared at read.
 */
@Repository
public class CpfDossierRepository {

    public static final String COLLECTION = "cpfDossiers";
    static final String ID = "_id";
    static final String CENTRE = "centreId";
    static final String BENEFICIARY = "beneficiaryId";
    static final String OPEN = "open";
    static final String NEXT_DEADLINE = "nextDeadlineDate";
    static final String ORDER = "deadlineOrder";
    static final String VERSION = "version";
    static final String NUMBER = "dossierNumber";
    /** After every date: the sort key of a dossier without deadline. */
    static final String NO_DEADLINE = "9999-12-31";

    private final MongoCollection<Document> collection;

    CpfDossierRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        // a centre's open lists (to do next, overdue, due soon) and its due deadlines
        collection.createIndex(Indexes.ascending(CENTRE, OPEN, ORDER, ID));
        // a centre's whole list, closed dossiers last
        collection.createIndex(Indexes.ascending(CENTRE, ORDER, ID));
        // the network's overdue count and due deadlines
        collection.createIndex(Indexes.ascending(OPEN, ORDER, ID));
        // a connector names a dossier by its number on the CPF platform
        collection.createIndex(Indexes.ascending(NUMBER, OPEN));
    }

    /** Stores a new dossier; {@code false}, writing nothing, when its funding has one already. */
    public boolean insertIfAbsent(CpfDossier dossier, CpfCentre centre) {
        return Inserts.insertIfNew(collection, toDocument(dossier, centre).append(VERSION, 1L));
    }

    public Optional<CpfDossier> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq(ID, id)).first()).map(CpfDossierRepository::toDossier);
    }

    /**
     * The dossier with this number on the CPF platform, an open one first (a closed one still answers
     * a step reported again).
     */
    public Optional<CpfDossier> findByNumber(String dossierNumber) {
        return Optional.ofNullable(collection.find(Filters.eq(NUMBER, dossierNumber)).sort(Sorts.descending(OPEN))
                .first()).map(CpfDossierRepository::toDossier);
    }

    /**
     * Writes the changed dossier whole if the stored one is still at {@code expectedVersion}: the
     * dossier as stored (its version the next), or a {@link Conflict} when it changed meanwhile.
     */
    public CpfDossier replace(CpfDossier changed, long expectedVersion, CpfCentre centre) {
        Document document = toDocument(changed, centre).append(VERSION, expectedVersion + 1);
        var result = collection.replaceOne(Filters.and(Filters.eq(ID, changed.id()), Filters.eq(VERSION, expectedVersion)),
                document);
        if (result.getMatchedCount() == 0) {
            throw modifiedMeanwhile();
        }
        return toDossier(document);
    }

    /**
     * Destroys the dossier of {@code fundingId} with its history, three years after the end of the
     * action (L6362-6, retention-service's purge): how many were destroyed now, 1, or 0 when it was
     * destroyed already or the funding never had one. Deleted whole rather than left as a stub: every
     * document stays a whole dossier, which every read and list here counts on. (A retry of the
     * funding's creation, same request id, would open it anew: retries come within minutes, the
     * purge years later.)
     */
    public long destroy(String fundingId) {
        return collection.deleteOne(Filters.eq(ID, fundingId)).getDeletedCount();
    }

    static Conflict modifiedMeanwhile() {
        return new Conflict("Ce dossier CPF a été modifié entre-temps : relisez-le, puis refaites votre saisie.");
    }

    /** Where a page of a list sorted by deadline resumes: after this dossier. */
    public record Position(String deadlineOrder, String id) {
    }

    /** One page, and where the next one starts when there is one. */
    public record Page(List<CpfDossier> dossiers, Optional<Position> next) {
    }

    /**
     * A centre's dossiers, the next deadline first and those without one last, by id among equals.
     *
     * @param openOnly   the open ones only
     * @param dueBy      those whose centre's deadline falls on or before this day; empty: any
     * @param dueBefore  those whose centre's deadline falls before this day; empty: any
     * @param beneficiaries those of these beneficiaries only (a consultant's); empty: every one of the centre
     */
    public Page listCentre(String centreId, boolean openOnly, Optional<LocalDate> dueBy, Optional<LocalDate> dueBefore,
            Optional<Collection<String>> beneficiaries, Optional<Position> after, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(CENTRE, centreId));
        beneficiaries.ifPresent(ids -> filters.add(Filters.in(BENEFICIARY, ids)));
        if (openOnly) {
            filters.add(Filters.eq(OPEN, true));
        }
        return page(filters, dueBy, dueBefore, after, size);
    }

    /** The open dossiers with a deadline of the centre due by {@code through}, of one centre or all (empty). */
    public Page listDue(Optional<String> centreId, LocalDate through, Optional<Position> after, int size) {
        List<Bson> filters = new ArrayList<>();
        centreId.ifPresent(centre -> filters.add(Filters.eq(CENTRE, centre)));
        filters.add(Filters.eq(OPEN, true));
        return page(filters, Optional.of(through), Optional.empty(), after, size);
    }

    private Page page(List<Bson> filters, Optional<LocalDate> dueBy, Optional<LocalDate> dueBefore,
            Optional<Position> after, int size) {
        dueBy.ifPresent(day -> filters.add(Filters.lte(ORDER, day.toString())));
        dueBefore.ifPresent(day -> filters.add(Filters.lt(ORDER, day.toString())));
        after.ifPresent(position -> {
            // the bound the index scan starts from; the $or sorts out ties on the date
            filters.add(Filters.gte(ORDER, position.deadlineOrder()));
            filters.add(Filters.or(Filters.gt(ORDER, position.deadlineOrder()),
                    Filters.and(Filters.eq(ORDER, position.deadlineOrder()), Filters.gt(ID, position.id()))));
        });
        List<Document> documents = collection.find(Filters.and(filters)).sort(Sorts.ascending(ORDER, ID))
                .limit(size + 1).into(new ArrayList<>());
        boolean more = documents.size() > size;
        List<Document> page = more ? documents.subList(0, size) : documents;
        Optional<Position> next = Optional.empty();
        if (more) {
            Document last = page.get(page.size() - 1);
            next = Optional.of(new Position(last.getString(ORDER), last.getString(ID)));
        }
        return new Page(page.stream().map(CpfDossierRepository::toDossier).toList(), next);
    }

    /** How many open dossiers of a centre have their centre's deadline on each side of a day. */
    public record OverdueCount(String centreId, long before, long on) {
    }

    /**
     * Per centre (of {@code centres}, or every one when empty), the open dossiers whose centre's
     * deadline falls before {@code day}, and those whose deadline is {@code day} itself: "overdue"
     * is before the centre's today, and centres in other zones may be a day ahead. One aggregation
     * on the open-deadline index.
     */
    public List<OverdueCount> countDueBefore(Optional<Set<String>> centres, LocalDate day) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(OPEN, true));
        filters.add(Filters.lte(ORDER, day.toString()));
        centres.ifPresent(ids -> filters.add(Filters.in(CENTRE, ids)));
        List<Document> groups = collection.aggregate(List.of(
                Aggregates.match(Filters.and(filters)),
                Aggregates.group(new Document("centre", "$" + CENTRE).append("date", "$" + ORDER),
                        Accumulators.sum("count", 1)))).into(new ArrayList<>());
        var counts = new java.util.TreeMap<String, long[]>();
        for (Document group : groups) {
            Document key = group.get(ID, Document.class);
            long[] count = counts.computeIfAbsent(key.getString("centre"), centre -> new long[2]);
            count[day.toString().equals(key.getString("date")) ? 1 : 0] += group.get("count", Number.class).longValue();
        }
        return counts.entrySet().stream().map(entry -> new OverdueCount(entry.getKey(), entry.getValue()[0],
                entry.getValue()[1])).toList();
    }

    private static Document toDocument(CpfDossier dossier, CpfCentre centre) {
        Optional<LocalDate> next = dossier.isOpen() ? dossier.nextDeadline(centre).map(CpfDeadline::dueDate)
                : Optional.empty();
        Document document = new Document(ID, dossier.id())
                .append(BENEFICIARY, dossier.beneficiaryId())
                .append(CENTRE, dossier.centreId())
                .append(NUMBER, dossier.dossierNumber())
                .append("state", dossier.state().name())
                .append("history", dossier.history().stream().map(CpfDossierRepository::stepDocument).toList())
                .append("receivedDate", dossier.receivedDate().toString())
                .append("proposedStartDate", day(dossier.proposedStartDate()))
                .append("plannedMinutes", dossier.plannedHours() == null ? null : dossier.plannedHours().toMinutes())
                .append("amountCents", dossier.amountCents())
                .append("processedEvents", dossier.processedEvents())
                .append(OPEN, dossier.isOpen())
                .append(NEXT_DEADLINE, next.map(LocalDate::toString).orElse(null))
                .append(ORDER, next.map(LocalDate::toString).orElse(NO_DEADLINE));
        if (dossier.entryProposal() != null) {
            document.append("entryProposal", new Document("entryDate", dossier.entryProposal().entryDate().toString()));
        }
        ExitProposal exit = dossier.exitProposal();
        if (exit != null) {
            document.append("exitProposal", new Document("exitDate", exit.exitDate().toString())
                    .append("deliveredMinutes", exit.delivered().toMinutes())
                    .append("plannedMinutes", exit.planned().toMinutes())
                    .append("completionPercent", exit.completionPercent())
                    .append("partialReason", exit.partialReason() == null ? null : exit.partialReason().name())
                    .append("absences", exit.absences()));
        }
        return document;
    }

    private static Document stepDocument(CpfStep step) {
        return new Document("state", step.state().name())
                .append("date", step.date().toString())
                .append("recordTime", Date.from(step.recordTime()))
                .append("recordedBy", step.recordedBy())
                .append("source", step.source().name())
                .append("dueDate", day(step.dueDate()))
                .append("late", step.late())
                .append("workingDaysLate", step.workingDaysLate())
                .append("requestKey", step.requestKey());
    }

    private static CpfStep toStep(Document document) {
        return new CpfStep(CpfState.valueOf(document.getString("state")), LocalDate.parse(document.getString("date")),
                document.getDate("recordTime").toInstant(), document.getString("recordedBy"),
                StepSource.valueOf(document.getString("source")), date(document.getString("dueDate")),
                document.getBoolean("late"), document.getInteger("workingDaysLate"), document.getString("requestKey"));
    }

    private static CpfDossier toDossier(Document document) {
        Document entry = document.get("entryProposal", Document.class);
        Document exit = document.get("exitProposal", Document.class);
        Number planned = document.get("plannedMinutes", Number.class);
        return new CpfDossier(document.getString(ID), document.getString(BENEFICIARY), document.getString(CENTRE),
                document.getString("dossierNumber"), CpfState.valueOf(document.getString("state")),
                document.getList("history", Document.class).stream().map(CpfDossierRepository::toStep).toList(),
                LocalDate.parse(document.getString("receivedDate")), date(document.getString("proposedStartDate")),
                planned == null ? null : Duration.ofMinutes(planned.longValue()), document.getLong("amountCents"),
                entry == null ? null : new EntryProposal(LocalDate.parse(entry.getString("entryDate"))),
                exit == null ? null : new ExitProposal(LocalDate.parse(exit.getString("exitDate")),
                        Duration.ofMinutes(exit.get("deliveredMinutes", Number.class).longValue()),
                        Duration.ofMinutes(exit.get("plannedMinutes", Number.class).longValue()),
                        exit.getInteger("completionPercent"),
                        exit.getString("partialReason") == null ? null
                                : PartialReason.valueOf(exit.getString("partialReason")),
                        exit.getInteger("absences")),
                document.getList("processedEvents", String.class), document.get(VERSION, Number.class).longValue());
    }

    private static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
