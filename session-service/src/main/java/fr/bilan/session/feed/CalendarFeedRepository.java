package fr.bilan.session.feed;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * Feed URLs in {@code calendar_feeds}: one document per person ({@code _id} kind:subject) with the
 * hash of their current token, when it was made and when it was revoked. A new token replaces the
 * document in one write, so a person never has two valid tokens and a replaced one is unknown.
 */
@Repository
class CalendarFeedRepository {

    static final String COLLECTION = "calendar_feeds";
    private static final String KIND = "kind";
    private static final String SUBJECT = "subject";
    private static final String TOKEN_HASH = "tokenHash";
    private static final String CREATE_TIME = "createTime";
    private static final String REVOKE_TIME = "revokeTime";

    private final MongoCollection<Document> feeds;

    CalendarFeedRepository(MongoDatabase database) {
        this.feeds = database.getCollection(COLLECTION);
        feeds.createIndex(Indexes.ascending(TOKEN_HASH), new IndexOptions().unique(true));
    }

    /** Makes {@code tokenHash} the owner's one valid token, in place of any previous one. */
    void replace(FeedOwner owner, String tokenHash, Instant now) {
        feeds.replaceOne(Filters.eq("_id", id(owner)), new Document("_id", id(owner))
                .append(KIND, owner.kind().name())
                .append(SUBJECT, owner.subject())
                .append(TOKEN_HASH, tokenHash)
                .append(CREATE_TIME, Date.from(now))
                .append(REVOKE_TIME, null), new ReplaceOptions().upsert(true));
    }

    /** Revokes the owner's token; false when they had no valid one. */
    boolean revoke(FeedOwner owner, Instant now) {
        return feeds.updateOne(Filters.and(Filters.eq("_id", id(owner)), Filters.eq(REVOKE_TIME, null)),
                Updates.set(REVOKE_TIME, Date.from(now))).getModifiedCount() == 1;
    }

    /** The owner of the valid token with this hash; empty for an unknown, replaced or revoked one alike. */
    Optional<FeedOwner> ownerOf(String tokenHash) {
        return Optional.ofNullable(feeds.find(Filters.and(Filters.eq(TOKEN_HASH, tokenHash),
                        Filters.eq(REVOKE_TIME, null))).first())
                .map(feed -> new FeedOwner(FeedOwner.Kind.valueOf(feed.getString(KIND)), feed.getString(SUBJECT)));
    }

    private static String id(FeedOwner owner) {
        return owner.kind().name() + ":" + owner.subject();
    }
}
