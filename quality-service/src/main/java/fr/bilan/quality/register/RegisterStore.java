package fr.bilan.quality.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import fr.bilan.support.mongo.Inserts;

/**
 * How the register keeps its records (complaints, improvement actions) in a collection of their own:
 * each a document with {@code _id}, {@code centreId}, {@code requestKey} (unique: a retried request
 * records once) and {@code version} (a change replaces the version it read, or nothing).
 *
 * @param <T> the record
 */
public final class RegisterStore<T> {

    public static final String CENTRE_ID = "centreId";
    public static final String REQUEST_KEY = "requestKey";
    public static final String VERSION = "version";

    private final MongoCollection<Document> collection;
    private final Function<T, Document> toDocument;
    private final Function<Document, T> fromDocument;

    public RegisterStore(MongoCollection<Document> collection, Function<T, Document> toDocument,
            Function<Document, T> fromDocument) {
        this.collection = collection;
        this.toDocument = toDocument;
        this.fromDocument = fromDocument;
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
    }

    /** Keeps {@code record} unless its request recorded one already; answers the one kept under that request. */
    public T recordOnce(T record) {
        Document document = toDocument.apply(record);
        if (Inserts.insertIfNew(collection, document)) {
            return record;
        }
        return Optional.ofNullable(collection.find(Filters.eq(REQUEST_KEY, document.getString(REQUEST_KEY))).first())
                .map(fromDocument)
                // the only unique keys are the id (a fresh UUID) and the request's
                .orElseThrow(() -> new IllegalStateException(document.get("_id") + " collided but no request holds it"));
    }

    /** The record of that centre with that id. */
    public Optional<T> byId(String centreId, String id) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq(CENTRE_ID, centreId)))
                .first()).map(fromDocument);
    }

    /** Replaces version {@code version} of the record by {@code next}; {@code false}, changing nothing, when it changed since. */
    public boolean replace(long version, T next) {
        Document document = toDocument.apply(next);
        return collection.replaceOne(Filters.and(Filters.eq("_id", document.get("_id")), Filters.eq(VERSION, version)),
                document).getModifiedCount() == 1;
    }

    /** The records {@code filter} finds, in {@code sort}'s order. */
    public List<T> find(Bson filter, Bson sort) {
        return collection.find(filter).sort(sort).map(fromDocument::apply).into(new ArrayList<>());
    }
}
