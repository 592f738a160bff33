package fr.bilan.quality.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import fr.bilan.quality.bilan.BilanRecordRepository;

/**
 * The cohort counted by MongoDB, one aggregation per collection, grouped down to a few lines: no bilan,
 * survey or follow-up document leaves the database. Each collection is matched on its own copy of the
 * bilan's {@code centreId} and {@code endDate} (the shared shapes carry them for this), so that no join is
 * needed. The indexes that match reads are made here for the two collections other packages write
 * ({@code surveys}, {@code followUps}); creating an index that exists changes nothing.
 */
@Repository
class CohortRepository implements Cohorts {

    static final String SURVEYS = "surveys";
    static final String FOLLOW_UPS = "followUps";
    /** A survey in these states went to the beneficiary; PLANNED and NOT_SENT did not. */
    static final List<String> SENT_STATES = List.of("SENT", "PARTIALLY_ANSWERED", "ANSWERED", "LAPSED");
    private static final String CENTRE = "centreId";
    private static final String END = "endDate";
    private static final String COUNT = "count";

    private final MongoCollection<Document> bilans;
    private final MongoCollection<Document> surveys;
    private final MongoCollection<Document> followUps;

    CohortRepository(MongoDatabase database) {
        bilans = database.getCollection(BilanRecordRepository.COLLECTION);
        surveys = database.getCollection(SURVEYS);
        followUps = database.getCollection(FOLLOW_UPS);
        // a centre's period, and the network's
        for (var collection : List.of(surveys, followUps)) {
            collection.createIndex(Indexes.ascending(CENTRE, END));
            collection.createIndex(Indexes.ascending(END));
        }
    }

    @Override
    public CohortCounts count(String centreId, Period period) {
        long ended = 0;
        long completed = 0;
        long droppedOut = 0;
        for (Document group : bilans.aggregate(List.of(Aggregates.match(cohort(centreId, period)),
                Aggregates.group("$outcome", Accumulators.sum(COUNT, 1))))) {
            long count = count(group);
            switch (group.getString("_id")) {
                case "IN_PROGRESS" -> {
                    // no end date while under way: never in a cohort
                }
                case "COMPLETED" -> {
                    ended += count;
                    completed += count;
                }
                default -> {
                    ended += count;
                    droppedOut += count;
                }
            }
        }
        long[][] kinds = new long[2][4];
        for (Document group : surveys.aggregate(List.of(
                Aggregates.match(Filters.and(cohort(centreId, period), Filters.in("state", SENT_STATES))),
                Aggregates.group(new Document("kind", "$kind").append("state", "$state").append("satisfied", "$satisfied"),
                        Accumulators.sum(COUNT, 1))))) {
            Document key = group.get("_id", Document.class);
            long[] kind = kinds["FOLLOW_UP".equals(key.getString("kind")) ? 1 : 0];
            long count = count(group);
            kind[0] += count;
            if ("ANSWERED".equals(key.getString("state"))) {
                Boolean satisfied = key.getBoolean("satisfied");
                kind[1] += count;
                kind[2] += satisfied == null ? 0 : count;
                kind[3] += Boolean.TRUE.equals(satisfied) ? count : 0;
            }
        }
        Map<SituationAtSixMonths, Long> situations = new EnumMap<>(SituationAtSixMonths.class);
        for (Document group : followUps.aggregate(List.of(
                Aggregates.match(Filters.and(cohort(centreId, period), Filters.eq("state", "HELD"))),
                Aggregates.group("$situation", Accumulators.sum(COUNT, 1))))) {
            situation(group.getString("_id")).ifPresent(situation -> situations.merge(situation, count(group), Long::sum));
        }
        return new CohortCounts(ended, completed, droppedOut, surveyCounts(kinds[0]), surveyCounts(kinds[1]), situations);
    }

    /** The documents of the bilans ended within the period, of the centre or of the whole network. */
    private static Bson cohort(String centreId, Period period) {
        List<Bson> filters = new ArrayList<>();
        if (!centreId.isEmpty()) {
            filters.add(Filters.eq(CENTRE, centreId));
        }
        filters.add(Filters.gte(END, Date.from(period.start())));
        filters.add(Filters.lt(END, Date.from(period.end())));
        return Filters.and(filters);
    }

    private static CohortCounts.SurveyCounts surveyCounts(long[] kind) {
        return new CohortCounts.SurveyCounts(kind[0], kind[1], kind[2], kind[3]);
    }

    /** A situation recorded; none (a held interview not filled in) or one unknown here is not counted. */
    private static Optional<SituationAtSixMonths> situation(String name) {
        return Arrays.stream(SituationAtSixMonths.values()).filter(s -> s.name().equals(name)).findFirst();
    }

    private static long count(Document group) {
        return group.get(COUNT, Number.class).longValue();
    }
}
