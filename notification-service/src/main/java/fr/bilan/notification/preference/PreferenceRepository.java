package fr.bilan.notification.preference;

import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.support.mongo.Inserts;

/**
 * The choices in MongoDB ({@code notification_preferences}): {@code _id} the beneficiary's id,
 * {@code remindersEnabled}, {@code updateTime}, {@code version}. A beneficiary who never chose has none.
 */
@Repository
public class PreferenceRepository implements Preferences {

    public static final String COLLECTION = "notification_preferences";

    private final MongoCollection<Document> collection;

    PreferenceRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<NotificationPreferences> of(String beneficiaryId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", beneficiaryId)).first())
                .map(d -> new NotificationPreferences(d.getString("_id"), d.getBoolean("remindersEnabled", true),
                        d.getDate("updateTime") == null ? null : d.getDate("updateTime").toInstant(),
                        d.get("version", Number.class).longValue()));
    }

    @Override
    public boolean save(NotificationPreferences changed) {
        Document next = new Document("_id", changed.beneficiaryId()).append("remindersEnabled", changed.remindersEnabled())
                .append("updateTime", changed.updateTime() == null ? null : Date.from(changed.updateTime()))
                .append("version", changed.version() + 1);
        if (changed.version() == 0) {
            // the first choice: the insert is the check, two first writes make one
            return Inserts.insertIfNew(collection, next);
        }
        return collection.replaceOne(Filters.and(Filters.eq("_id", changed.beneficiaryId()),
                Filters.eq("version", changed.version())), next).getMatchedCount() == 1;
    }
}
