package fr.bilan.retention.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.bilan.support.mongo.Inserts;

/**
 * The legal holds: collection {@code legal_holds}, one document per hold, {@code _id} = its id, with
 * {@code assessmentId} (indexed), {@code centreId}, {@code reason}, {@code createBy},
 * {@code createTime}, and once lifted {@code liftBy}, {@code liftTime}, {@code liftReason}. Never
 * deleted: the history of holds is part of the proof that destruction waited for them.
 */
@Repository
public class LegalHolds {

    public static final String COLLECTION = "legal_holds";
    private static final String ASSESSMENT = "assessmentId";
    private static final String CREATE_TIME = "createTime";
    private static final String LIFT_TIME = "liftTime";

    private final MongoCollection<Document> holds;

    public LegalHolds(MongoDatabase database) {
        this.holds = database.getCollection(COLLECTION);
        holds.createIndex(Indexes.ascending(ASSESSMENT, CREATE_TIME));
    }

    /** Sets {@code hold}; when its id is taken already (a retried request), returns the hold stored under it. */
    public LegalHold set(LegalHold hold) {
        Document document = new Document("_id", hold.id()).append(ASSESSMENT, hold.assessmentId())
                .append("centreId", hold.centreId()).append("reason", hold.reason()).append("createBy", hold.createBy())
                .append(CREATE_TIME, Date.from(hold.createTime()));
        if (Inserts.insertIfNew(holds, document)) {
            return hold;
        }
        return find(hold.id()).orElseThrow();
    }

    /** Lifts the hold if it stands; returns it as stored afterwards (lifted by whoever lifted it first). */
    public Optional<LegalHold> lift(String id, String by, String reason, Instant now) {
        Document lifted = holds.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.exists(LIFT_TIME, false)),
                Updates.combine(Updates.set("liftBy", by), Updates.set(LIFT_TIME, Date.from(now)),
                        Updates.set("liftReason", reason)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return lifted != null ? Optional.of(of(lifted)) : find(id);
    }

    public Optional<LegalHold> find(String id) {
        return Optional.ofNullable(holds.find(Filters.eq("_id", id)).first()).map(LegalHolds::of);
    }

    /** The holds of the bilans, in the order they were set. */
    public List<LegalHold> of(Collection<String> assessmentIds) {
        return holds.find(Filters.in(ASSESSMENT, assessmentIds)).sort(Sorts.ascending(CREATE_TIME))
                .map(LegalHolds::of).into(new ArrayList<>());
    }

    private static LegalHold of(Document document) {
        return new LegalHold(document.getString("_id"), document.getString(ASSESSMENT), document.getString("centreId"),
                document.getString("reason"), document.getString("createBy"), document.getDate(CREATE_TIME).toInstant(),
                Optional.ofNullable(document.getString("liftBy")),
                Optional.ofNullable(document.getDate(LIFT_TIME)).map(Date::toInstant),
                Optional.ofNullable(document.getString("liftReason")));
    }
}
