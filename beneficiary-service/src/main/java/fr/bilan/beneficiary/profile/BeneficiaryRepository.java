package fr.bilan.beneficiary.profile;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Beneficiaries in MongoDB, one document each. A create carries an idempotency key held in a
 * unique index, so a retried create finds the first document instead of writing a second one.
 */
@Repository
public class BeneficiaryRepository {

    private final MongoCollection<Document> collection;

    public BeneficiaryRepository(MongoDatabase database) {
        this.collection = database.getCollection("beneficiaries");
        collection.createIndex(Indexes.ascending("requestKey"), new IndexOptions().unique(true));
    }

    /** Stores the beneficiary, or returns the one already stored under the same idempotency key. */
    public Beneficiary create(NewBeneficiary beneficiary, String requestKey, Instant now) {
        Document document = new Document("_id", UUID.randomUUID().toString())
                .append("centreId", beneficiary.centreId())
                .append("givenName", beneficiary.givenName())
                .append("familyName", beneficiary.familyName())
                .append("email", beneficiary.email())
                .append("createTime", Date.from(now))
                .append("requestKey", requestKey);
        try {
            collection.insertOne(document);
            return toBeneficiary(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return Optional.ofNullable(collection.find(Filters.eq("requestKey", requestKey)).first())
                    .map(BeneficiaryRepository::toBeneficiary)
                    .orElseThrow(() -> e);
        }
    }

    public Optional<Beneficiary> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(BeneficiaryRepository::toBeneficiary);
    }

    private static Beneficiary toBeneficiary(Document document) {
        return new Beneficiary(
                document.getString("_id"),
                document.getString("centreId"),
                document.getString("givenName"),
                document.getString("familyName"),
                document.getString("email"),
                document.getDate("createTime").toInstant());
    }
}
