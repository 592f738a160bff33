package fr.bilan.support.mongo;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

/**
 * Creating under a unique key (an idempotency key, "one per…"): the insert itself is the check, so
 * no race between looking and writing can make two.
 */
public final class Inserts {

    private Inserts() {
    }

    /**
     * Inserts {@code document}; {@code false}, writing nothing, when a unique index already holds one
     * of its keys: the caller then finds which.
     */
    public static boolean insertIfNew(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }
}
