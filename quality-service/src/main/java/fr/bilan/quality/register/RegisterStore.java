package fr.bilan.quality.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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
 * records once) and {@code version} (a change replaces the version it read, or nothing). A repository
 * extends it with the record's mapping and its own queries.
 *
 * @param <T> the record
 */
public abstract class RegisterStore<T> implements RegisterRecords<T> {

    public static final String CENTRE_ID = "centreId";
    public static final String REQUEST_KEY = "requestKey";
    public static final String VERSION = "version";

    private final MongoCollection<Document> collection;
    private final Function<T, Document> toDocument;
    private final Function<Document, T> fromDocument;
    private final ToLongFunction<T> version;

    protected RegisterStore(MongoCollection<Document> collection, Function<T, Document> toDocument,
            Function<Document, T> fromDocument, ToLongFunction<T> version) {
        this.collection = collection;
        this.toDocument = toDocument;
        this.fromDocument = fromDocument;
        this.version = version;
        collection.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
    }

    @Override
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

    @Override
    public Optional<T> byId(String centreId, String id) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq(CENTRE_ID, centreId)))
                .first()).map(fromDocument);
    }

    @Override
    public boolean replace(T previous, T next) {
        Document document = toDocument.apply(next);
        return collection.replaceOne(Filters.and(Filters.eq("_id", document.get("_id")),
                Filters.eq(VERSION, version.applyAsLong(previous))), document).getModifiedCount() == 1;
    }

    /** The records {@code filter} finds, in {@code sort}'s order. */
    protected List<T> find(Bson filter, Bson sort) {
        return collection.find(filter).sort(sort).map(fromDocument::apply).into(new ArrayList<>());
    }
}
