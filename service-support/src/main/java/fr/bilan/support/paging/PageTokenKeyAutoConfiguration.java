package fr.bilan.support.paging;

import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.support.mongo.MongoDatabaseAutoConfiguration;

/**
 * The key that seals the service's page tokens, installed for {@link PageTokens} at start-up. A
 * token must open on every replica and after a restart, so the key is shared: the one configured
 * ({@code bilan.paging.token-key}, from a secret), else one kept in the service's own database
 * (collection {@code page_token_keys}), made by the first replica to start and read by the others.
 * Whoever reads that database reads the data the tokens point into anyway.
 */
@AutoConfiguration(after = MongoDatabaseAutoConfiguration.class)
public class PageTokenKeyAutoConfiguration {

    static final String COLLECTION = "page_token_keys";
    private static final String ID = "page-tokens";
    private static final Logger log = LoggerFactory.getLogger(PageTokenKeyAutoConfiguration.class);

    @Bean
    PageTokenKey pageTokenKey(@Value("${bilan.paging.token-key:}") String configured,
            ObjectProvider<MongoDatabase> database) {
        PageTokenKey key;
        if (!configured.isBlank()) {
            key = PageTokenKey.fromBase64(configured);
        } else if (database.getIfAvailable() != null) {
            key = storedIn(database.getObject());
        } else {
            log.warn("No bilan.paging.token-key and no database: page tokens are sealed with a key of this process "
                    + "only, and stop working after a restart or on another replica");
            key = PageTokenKey.random();
        }
        PageTokens.useKey(key);
        return key;
    }

    /** The key kept in {@code database}; the first caller makes it, a concurrent one reads it. */
    static PageTokenKey storedIn(MongoDatabase database) {
        MongoCollection<Document> keys = database.getCollection(COLLECTION);
        Document stored = keys.find(Filters.eq("_id", ID)).first();
        if (stored == null) {
            try {
                keys.insertOne(new Document("_id", ID).append("key", new Binary(PageTokenKey.randomBytes(
                        PageTokenKey.KEY_BYTES))).append("createTime", new Date()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = keys.find(Filters.eq("_id", ID)).first();
        }
        return PageTokenKey.of(stored.get("key", Binary.class).getData());
    }
}
