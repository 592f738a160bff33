package fr.bilan.session.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import fr.bilan.session.calendar.Slot;
import fr.bilan.support.mongo.Inserts;
import fr.bilan.support.refusal.Conflict;

/**
 * Who holds what when, one document per resource and week ({@code calendar_reservations}, keyed
 * {@code kind:id:week}, with a version {@code v}): a hold is added by writing the bucket back only if
 * it is still the version in which nothing overlapped the hold, so two bookings racing for one
 * consultant, beneficiary or room cannot both win, without transactions. Every read and write goes
 * by key (and version, through a unique index on both), so a check costs the same with a million
 * sessions stored, on MongoDB and on the embedded stand-in, which uses an index only for a query on
 * exactly its keys.
 * <p>
 * Holds are the guard, the bilan's document is the truth: a hold whose session no longer holds that
 * slot (its booking failed half-way, or its release did) is an orphan, and it is removed when it is
 * found in the way, once {@link #ORPHAN_GRACE} has passed (a booking in flight finishes well within it).
 */
public class Reservations {

    static final String COLLECTION = "calendar_reservations";
    /** How long a hold may wait for its bilan's document to name it. */
    public static final Duration ORPHAN_GRACE = Duration.ofMinutes(2);
    private static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();
    /** 1970-01-01 was a Thursday: weeks run Monday to Sunday, in UTC. */
    private static final long MONDAY_OFFSET_MILLIS = Duration.ofDays(3).toMillis();
    private static final String SLOTS = "slots";
    private static final String VERSION = "v";
    /** Writes to one bucket that may lose to others in a row before the caller is told to retry. */
    private static final int WRITE_ATTEMPTS = 8;

    /** A hold in the way, and since when it is there. */
    private record Blocker(Hold hold, Instant since) {
    }

    private final MongoCollection<Document> buckets;

    public Reservations(MongoDatabase database) {
        this.buckets = database.getCollection(COLLECTION);
        buckets.createIndex(Indexes.ascending("_id", VERSION), new IndexOptions().unique(true));
    }

    /**
     * Holds {@code hold.slot()} on its resource, or throws {@link SlotTaken} naming a slot in the way.
     * Holding again what the same session already holds changes nothing.
     *
     * @param stillHeld whether another session's hold is still that session's (false: an orphan)
     */
    public void reserve(Hold hold, Instant now, Predicate<Hold> stillHeld) {
        for (long week : weeks(hold.slot())) {
            String key = key(hold.resource(), week);
            Optional<Blocker> inTheWay = tryReserve(key, hold, now);
            if (inTheWay.isEmpty()) {
                continue;
            }
            Blocker blocker = inTheWay.get();
            boolean orphan = blocker.since().plus(ORPHAN_GRACE).isBefore(now) && !stillHeld.test(blocker.hold());
            if (orphan) {
                release(blocker.hold());
            }
            if (!orphan || tryReserve(key, hold, now).isPresent()) {
                throw new SlotTaken(hold.resource().kind(), blocker.hold().slot());
            }
        }
    }

    /**
     * Removes the session's hold on that slot, wherever it is (a repeated hold, every copy); releasing
     * twice changes nothing.
     */
    public void release(Hold hold) {
        for (long week : weeks(hold.slot())) {
            buckets.updateOne(Filters.eq("_id", key(hold.resource(), week)), Updates.pull(SLOTS,
                    new Document("s", hold.sessionId()).append("start", Date.from(hold.slot().start()))));
        }
    }

    /** The holds on {@code resource} that overlap [from, to), in time order. */
    public List<Hold> held(Resource resource, Instant from, Instant to) {
        Slot window = new Slot(from, Duration.between(from, to));
        List<String> keys = weeks(window).stream().map(week -> key(resource, week)).toList();
        Map<String, Hold> found = new LinkedHashMap<>();
        for (Document bucket : buckets.find(Filters.in("_id", keys))) {
            for (Document entry : bucket.getList(SLOTS, Document.class, List.of())) {
                Hold hold = toHold(resource, entry);
                if (hold.slot().overlaps(window)) {
                    found.putIfAbsent(hold.sessionId() + "@" + hold.slot().start(), hold);
                }
            }
        }
        return found.values().stream().sorted((a, b) -> a.slot().start().compareTo(b.slot().start())).toList();
    }

    /**
     * Adds the hold to the bucket unless another overlaps it: read the bucket, check it, write it back
     * only if it is still the version read (a write that lost reads again). Empty when held; else
     * what is in the way.
     */
    private Optional<Blocker> tryReserve(String key, Hold hold, Instant now) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Document bucket = buckets.find(Filters.eq("_id", key)).first();
            if (bucket == null) {
                if (Inserts.insertIfNew(buckets, bucket(key, List.of(entry(hold, now))))) {
                    return Optional.empty();
                }
                continue;
            }
            Optional<Blocker> blocker = overlapping(bucket, hold);
            if (blocker.isPresent()) {
                return blocker;
            }
            long version = bucket.get(VERSION, Number.class).longValue();
            // exactly the unique index's keys, as a plain document (not an $and): served by the index on
            // the embedded stand-in too, which matches a query's keys to an index's literally
            if (buckets.updateOne(new Document("_id", key).append(VERSION, version),
                    Updates.combine(Updates.push(SLOTS, entry(hold, now)), Updates.inc(VERSION, 1L)))
                    .getMatchedCount() == 1) {
                return Optional.empty();
            }
        }
        throw new Conflict("Cet agenda change sans cesse en ce moment : réessayez.");
    }

    /** A hold as its bucket's {@code slots} array stores it, held since {@code now}. */
    /** A new bucket holding {@code entries}, at its first version. */
    static Document bucket(String key, List<Document> entries) {
        return new Document("_id", key).append(VERSION, 1L).append(SLOTS, entries);
    }

    static Document entry(Hold hold, Instant now) {
        return new Document("s", hold.sessionId()).append("a", hold.assessmentId())
                .append("start", Date.from(hold.slot().start())).append("end", Date.from(hold.slot().end()))
                .append("at", Date.from(now));
    }

    private static Optional<Blocker> overlapping(Document bucket, Hold hold) {
        return bucket.getList(SLOTS, Document.class, List.of()).stream()
                .map(entry -> new Blocker(toHold(hold.resource(), entry), entry.getDate("at").toInstant()))
                .filter(other -> !other.hold().sessionId().equals(hold.sessionId())
                        && other.hold().slot().overlaps(hold.slot()))
                .findFirst();
    }

    private static Hold toHold(Resource resource, Document entry) {
        Instant start = entry.getDate("start").toInstant();
        Instant end = entry.getDate("end").toInstant();
        return new Hold(resource, entry.getString("a"), entry.getString("s"), new Slot(start, Duration.between(start, end)));
    }

    /** The weeks a slot touches: one, or two when it runs over a Sunday midnight UTC. */
    static List<Long> weeks(Slot slot) {
        long first = week(slot.start());
        long last = week(slot.end().minus(1, ChronoUnit.MILLIS));
        List<Long> weeks = new ArrayList<>();
        for (long week = first; week <= last; week++) {
            weeks.add(week);
        }
        return weeks;
    }

    private static long week(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli() + MONDAY_OFFSET_MILLIS, WEEK_MILLIS);
    }

    /** The bucket of {@code resource}'s holds in {@code week} (as numbered by {@link #weeks}). */
    static String key(Resource resource, long week) {
        return resource.kind().name().toLowerCase() + ":" + resource.id() + ":" + week;
    }
}
