package fr.bilan.beneficiary.statistics;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import fr.bilan.beneficiary.profile.BeneficiaryRepository;

/**
 * Counts over the beneficiaries collection, computed by MongoDB (one aggregation, grouped by
 * centre and employment status): no beneficiary document leaves the database.
 */
@Repository
class StatisticsRepository {

    /** Beneficiaries of a centre with one employment status. */
    record Count(String centreId, String employmentStatus, long count) {
    }

    private final MongoCollection<Document> beneficiaries;

    StatisticsRepository(MongoDatabase database) {
        this.beneficiaries = database.getCollection(BeneficiaryRepository.COLLECTION);
    }

    /** The counts, by centre then status. */
    List<Count> count(StatisticsQuery query) {
        List<Bson> filters = new ArrayList<>(List.of(BeneficiaryRepository.notErased()));
        query.centres().ifPresent(centres -> filters.add(Filters.in("centreId", centres)));
        query.start().ifPresent(start -> filters.add(Filters.gte("createTime", Date.from(start))));
        query.end().ifPresent(end -> filters.add(Filters.lt("createTime", Date.from(end))));
        Map<String, Count> sorted = new TreeMap<>();
        beneficiaries.aggregate(List.of(
                        Aggregates.match(Filters.and(filters)),
                        Aggregates.group(new Document("centre", "$centreId").append("status", "$employmentStatus"),
                                Accumulators.sum("count", 1L))))
                .forEach(group -> {
                    Document key = group.get("_id", Document.class);
                    Count count = new Count(key.getString("centre"), key.getString("status"),
                            group.get("count", Number.class).longValue());
                    sorted.put(count.centreId() + "\n" + count.employmentStatus(), count);
                });
        return List.copyOf(sorted.values());
    }
}
