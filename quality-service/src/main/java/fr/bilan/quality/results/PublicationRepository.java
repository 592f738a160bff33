package fr.bilan.quality.results;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The publications in MongoDB ({@code publications}), one document each, the figures frozen as published:
 * {@code _id}, {@code requestKey} (unique: a retry finds the first), {@code centreId} (empty for the
 * network), {@code name}, {@code startTime}, {@code endTime}, {@code computeTime}, {@code publishTime},
 * {@code figures} ({@code beneficiaries}, {@code completionRate}… each {@code shown}, {@code value},
 * {@code sampleSize}) and {@code situations} [{@code situation}, {@code shown}, {@code value}, {@code sampleSize}].
 */
@Repository
class PublicationRepository implements Publications {

    static final String COLLECTION = "publications";
    private static final String REQUEST_KEY = "requestKey";
    private static final String CENTRE = "centreId";
    private static final String PUBLISH_TIME = "publishTime";
    private static final String SITUATION = "situation";

    private final MongoCollection<Document> collection;

    PublicationRepository(MongoDatabase database) {
        collection = database.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE), Indexes.descending(PUBLISH_TIME)));
    }

    @Override
    public Publication keep(Publication publication) {
        try {
            collection.insertOne(toDocument(publication));
            return publication;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // a concurrent retry published first: answer its publication
            return byRequestKey(publication.requestKey()).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<Publication> byRequestKey(String requestKey) {
        return Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, requestKey)).first())
                .map(PublicationRepository::toPublication);
    }

    @Override
    public Optional<Publication> byId(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(PublicationRepository::toPublication);
    }

    @Override
    public List<Publication> of(String centreId, int limit) {
        return collection.find(Filters.eq(CENTRE, centreId)).sort(Sorts.orderBy(Sorts.descending(PUBLISH_TIME),
                Sorts.ascending("_id"))).limit(limit).map(PublicationRepository::toPublication).into(new ArrayList<>());
    }

    private static Document toDocument(Publication publication) {
        Results r = publication.results();
        Document figures = new Document();
        figures(r).forEach((name, figure) -> figures.append(name, figure(new Document(), figure)));
        List<Document> situations = r.situations().stream()
                .map(share -> figure(new Document(SITUATION, share.situation().name()), share.share())).toList();
        return new Document("_id", publication.id()).append(REQUEST_KEY, publication.requestKey())
                .append(CENTRE, r.centreId()).append("name", r.name())
                .append("startTime", Date.from(r.period().start())).append("endTime", Date.from(r.period().end()))
                .append("computeTime", Date.from(r.computeTime()))
                .append(PUBLISH_TIME, Date.from(publication.publishTime()))
                .append("figures", figures).append("situations", situations);
    }

    private static Publication toPublication(Document d) {
        Document figures = d.get("figures", Document.class);
        List<Results.SituationShare> situations = d.getList("situations", Document.class).stream()
                .map(share -> new Results.SituationShare(SituationAtSixMonths.valueOf(share.getString(SITUATION)),
                        figure(share))).toList();
        Results results = new Results(d.getString(CENTRE), d.getString("name"),
                new Period(d.getDate("startTime").toInstant(), d.getDate("endTime").toInstant()),
                d.getDate("computeTime").toInstant(), figure(figures, "beneficiaries"), figure(figures, "completionRate"),
                figure(figures, "dropOutRate"), figure(figures, "satisfactionEndOfBilan"),
                figure(figures, "responseRateEndOfBilan"), figure(figures, "satisfactionFollowUp"),
                figure(figures, "responseRateFollowUp"), situations);
        return new Publication(d.getString("_id"), results, d.getDate(PUBLISH_TIME).toInstant(), d.getString(REQUEST_KEY));
    }

    /** The figures of {@code r} by the names they are stored under. */
    private static Map<String, Figure> figures(Results r) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("beneficiaries", r.beneficiaries());
        figures.put("completionRate", r.completionRate());
        figures.put("dropOutRate", r.dropOutRate());
        figures.put("satisfactionEndOfBilan", r.satisfactionEndOfBilan());
        figures.put("responseRateEndOfBilan", r.responseRateEndOfBilan());
        figures.put("satisfactionFollowUp", r.satisfactionFollowUp());
        figures.put("responseRateFollowUp", r.responseRateFollowUp());
        return figures;
    }

    private static Document figure(Document into, Figure figure) {
        return into.append("shown", figure.shown()).append("value", figure.value()).append("sampleSize", figure.sampleSize());
    }

    private static Figure figure(Document figures, String name) {
        return figure(figures.get(name, Document.class));
    }

    private static Figure figure(Document d) {
        return new Figure(d.getBoolean("shown"), d.getDouble("value"), d.get("sampleSize", Number.class).longValue());
    }
}
