package fr.bilan.retention.purge;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The purge runs: collection {@code purge_runs}, {@code _id} = run id, with {@code trigger},
 * {@code createBy}, {@code state}, {@code startTime}, {@code endTime}, the counts so far and
 * {@code failure}. Counts are written as the run goes, so a run cut short shows how far it went.
 */
@Repository
public class PurgeRuns {

    public static final String COLLECTION = "purge_runs";
    private static final String STATE = "state";

    private final MongoCollection<Document> runs;

    public PurgeRuns(MongoDatabase database) {
        this.runs = database.getCollection(COLLECTION);
    }

    public void start(String id, PurgeTrigger trigger, String createBy, Instant now) {
        runs.insertOne(new Document("_id", id).append("trigger", trigger.name()).append("createBy", createBy)
                .append(STATE, PurgeRunState.RUNNING.name()).append("startTime", Date.from(now))
                .append("destroyed", 0L).append("bytes", 0L).append("failed", 0L).append("held", 0L));
    }

    /**
     * Runs still RUNNING when a new run holds the lock were cut short (their process died): marked
     * FAILED. Returns how many.
     */
    public long closeInterrupted(Instant now) {
        return runs.updateMany(Filters.eq(STATE, PurgeRunState.RUNNING.name()), Updates.combine(
                Updates.set(STATE, PurgeRunState.FAILED.name()), Updates.set("endTime", Date.from(now)),
                Updates.set("failure", "Interrompue avant sa fin (arrêt du service) : la purge suivante a repris ce qui restait."))).getModifiedCount();
    }

    public void progress(String id, PurgeTally tally) {
        runs.updateOne(Filters.eq("_id", id), counts(tally));
    }

    public void finish(String id, PurgeTally tally, Optional<String> failure, Instant now) {
        runs.updateOne(Filters.eq("_id", id), Updates.combine(counts(tally),
                Updates.set(STATE, (failure.isPresent() ? PurgeRunState.FAILED : PurgeRunState.SUCCEEDED).name()),
                Updates.set("endTime", Date.from(now)), failure.map(why -> Updates.set("failure", why))
                        .orElse(Updates.unset("failure"))));
    }

    public Optional<PurgeRun> find(String id) {
        return Optional.ofNullable(runs.find(Filters.eq("_id", id)).first()).map(PurgeRuns::of);
    }

    private static PurgeRun of(Document run) {
        return new PurgeRun(run.getString("_id"), PurgeTrigger.valueOf(run.getString("trigger")),
                PurgeRunState.valueOf(run.getString(STATE)), Optional.ofNullable(run.getString("createBy")),
                run.getDate("startTime").toInstant(), Optional.ofNullable(run.getDate("endTime")).map(Date::toInstant),
                run.get("destroyed", Number.class).longValue(), run.get("bytes", Number.class).longValue(),
                run.get("failed", Number.class).longValue(), run.get("held", Number.class).longValue(),
                Optional.ofNullable(run.getString("failure")));
    }

    private static Bson counts(PurgeTally tally) {
        return Updates.combine(Updates.set("destroyed", tally.destroyed()), Updates.set("bytes", tally.bytes()),
                Updates.set("failed", tally.failed()), Updates.set("held", tally.held()));
    }
}
