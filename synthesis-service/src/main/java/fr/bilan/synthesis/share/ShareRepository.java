package fr.bilan.synthesis.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import fr.bilan.support.security.SecretPathTokens;
import fr.bilan.synthesis.bilan.Recipient;

/**
 * The shares ({@code synthesis_shares}): one document per share, holding the SHA-256 of its token
 * (never the token), and the caller's idempotency key, unique, so a retried creation finds the
 * first share instead of making a second path.
 */
public class ShareRepository {

    /** A share just made, with the only copy of its token. */
    public record NewShare(SynthesisShare share, Optional<String> token) {
    }

    private static final String ASSESSMENT = "assessmentId";
    private static final String BENEFICIARY = "beneficiaryId";
    private static final String CENTRE = "centreId";
    private static final String RECIPIENT_KIND = "recipientKind";
    private static final String RECIPIENT_NAME = "recipientName";
    private static final String TOKEN_HASH = "tokenHash";
    private static final String REQUEST_KEY = "requestKey";
    private static final String CREATED_BY = "createdBy";
    private static final String CREATE_TIME = "createTime";
    private static final String EXPIRE_TIME = "expireTime";

    private final MongoCollection<Document> shares;

    public ShareRepository(MongoDatabase database) {
        this.shares = database.getCollection("synthesis_shares");
        shares.createIndex(Indexes.ascending(TOKEN_HASH), new IndexOptions().unique(true));
        shares.createIndex(Indexes.ascending(REQUEST_KEY), new IndexOptions().unique(true));
        shares.createIndex(Indexes.ascending(ASSESSMENT));
    }

    public NewShare create(SynthesisShare share, String createdBy, String requestKey) {
        String token = SecretPathTokens.newToken();
        try {
            shares.insertOne(new Document("_id", share.id()).append(ASSESSMENT, share.assessmentId())
                    .append(BENEFICIARY, share.beneficiaryId()).append(CENTRE, share.centreId())
                    .append(RECIPIENT_KIND, share.recipient().kind().name())
                    .append(RECIPIENT_NAME, share.recipient().name())
                    .append(TOKEN_HASH, SecretPathTokens.hash(token)).append(REQUEST_KEY, requestKey)
                    .append(CREATED_BY, createdBy)
                    .append(CREATE_TIME, Date.from(share.createTime())).append(EXPIRE_TIME, Date.from(share.expireTime())));
            return new NewShare(share, Optional.of(token));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document first = shares.find(Filters.eq(REQUEST_KEY, requestKey)).first();
            if (first == null) {
                throw e;
            }
            return new NewShare(read(first), Optional.empty());
        }
    }

    /** The share a token opens, unless it expired. */
    public Optional<SynthesisShare> open(String token, Instant now) {
        if (!SecretPathTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(shares.find(Filters.eq(TOKEN_HASH, SecretPathTokens.hash(token))).first())
                .map(ShareRepository::read)
                .filter(share -> share.expireTime().isAfter(now));
    }

    public List<SynthesisShare> list(String assessmentId) {
        return shares.find(Filters.eq(ASSESSMENT, assessmentId)).sort(Sorts.descending(CREATE_TIME))
                .map(ShareRepository::read).into(new ArrayList<>());
    }

    /** Deletes every share of the bilan, expired or not: the number deleted. */
    public long erase(String assessmentId) {
        return shares.deleteMany(Filters.eq(ASSESSMENT, assessmentId)).getDeletedCount();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static SynthesisShare read(Document document) {
        return new SynthesisShare(document.getString("_id"), document.getString(ASSESSMENT),
                document.getString(BENEFICIARY), document.getString(CENTRE),
                new Recipient(Recipient.Kind.valueOf(document.getString(RECIPIENT_KIND)),
                        document.getString(RECIPIENT_NAME)),
                document.getDate(CREATE_TIME).toInstant(), document.getDate(EXPIRE_TIME).toInstant());
    }
}
