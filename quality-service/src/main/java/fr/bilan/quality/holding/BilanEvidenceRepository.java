package fr.bilan.quality.holding;

import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.register.complaint.ComplaintRepository;

/**
 * The one place that destroys what quality-service holds of a bilan, for retention-service's purge, by
 * the shapes its collections share: the bilan's facts ({@code bilanRecords}), its surveys and their
 * answers ({@code surveys}, by {@code assessmentId}), its follow-up ({@code followUps}, {@code _id} the
 * assessment id); its complaints stay in the centre's register as the register's own evidence, unlinked
 * from it ({@code assessmentId} set to null). Each write is idempotent: a purge retried after a crash
 * finishes what was left and counts only what it did.
 */
@Repository
public class BilanEvidenceRepository {

    /** H2's surveys of each bilan (COMMON-23's shape). */
    static final String SURVEYS = "surveys";
    /** H4's follow-up of each bilan (COMMON-23's shape). */
    static final String FOLLOW_UPS = "followUps";

    private final MongoDatabase database;
    private final BilanRecords bilans;

    BilanEvidenceRepository(MongoDatabase database, BilanRecords bilans) {
        this.database = database;
        this.bilans = bilans;
    }

    /** @return the records destroyed or unlinked by this call: 0 when done already, or nothing was held */
    public long destroy(String assessmentId) {
        long surveys = database.getCollection(SURVEYS).deleteMany(Filters.eq("assessmentId", assessmentId))
                .getDeletedCount();
        long followUp = database.getCollection(FOLLOW_UPS).deleteOne(Filters.eq("_id", assessmentId)).getDeletedCount();
        long complaints = database.getCollection(ComplaintRepository.COLLECTION).updateMany(
                Filters.eq(ComplaintRepository.ASSESSMENT_ID, assessmentId),
                Updates.combine(Updates.set(ComplaintRepository.ASSESSMENT_ID, null),
                        Updates.inc(ComplaintRepository.VERSION, 1L))).getModifiedCount();
        // the facts last: while they remain, a retried purge still finds the bilan known here
        long facts = bilans.erase(assessmentId) ? 1 : 0;
        return surveys + followUp + complaints + facts;
    }
}
