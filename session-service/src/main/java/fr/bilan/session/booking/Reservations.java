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
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.bilan.session.calendar.Slot;

/**
 * Who holds what when, one document per resource and week ({@code calendar_reservations}, keyed
 * {@code kind:id:week}): a hold is added only if nothing else overlaps it in the same atomic update,
 * so two bookings racing for one consultant, beneficiary or room cannot both win, without
 * transactions. Reads and checks go by key, so they cost the same with a million sessions stored.
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

    private final MongoCollection<Document> buckets;

    public Reservations(MongoDatabase database) {
        this.buckets = database.getCollection(COLLECTION);
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
            if (!tryReserve(key, hold, now)) {
                Hold inTheWay = overlapping(key, hold).orElse(null);
                boolean orphan = inTheWay != null && heldSince(key, inTheWay).plus(ORPHAN_GRACE).isBefore(now)
                        && !stillHeld.test(inTheWay);
                if (orphan) {
                    release(inTheWay);
                }
                if (!orphan || !tryReserve(key, hold, now)) {
                    Slot taken = inTheWay != null ? inTheWay.slot() : hold.slot();
                    throw new SlotTaken(hold.resource().kind(), taken);
                }
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

    private boolean tryReserve(String key, Hold hold, Instant now) {
        Slot slot = hold.slot();
        Bson nothingElseOverlaps = Filters.not(Filters.elemMatch(SLOTS, Filters.and(
                Filters.lt("start", Date.from(slot.end())), Filters.gt("end", Date.from(slot.start())),
                Filters.ne("s", hold.sessionId()))));
        try {
            buckets.updateOne(Filters.and(Filters.eq("_id", key), nothingElseOverlaps),
                    Updates.push(SLOTS, entry(hold, now)), new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // the bucket exists and did not match: something overlaps
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** A hold as its bucket's {@code slots} array stores it, held since {@code now}. */
    static Document entry(Hold hold, Instant now) {
        return new Document("s", hold.sessionId()).append("a", hold.assessmentId())
                .append("start", Date.from(hold.slot().start())).append("end", Date.from(hold.slot().end()))
                .append("at", Date.from(now));
    }

    private Optional<Hold> overlapping(String key, Hold hold) {
        Document bucket = buckets.find(Filters.eq("_id", key)).first();
        if (bucket == null) {
            return Optional.empty();
        }
        return bucket.getList(SLOTS, Document.class, List.of()).stream()
                .map(entry -> toHold(hold.resource(), entry))
                .filter(other -> !other.sessionId().equals(hold.sessionId()) && other.slot().overlaps(hold.slot()))
                .findFirst();
    }

    private Instant heldSince(String key, Hold hold) {
        Document bucket = buckets.find(Filters.eq("_id", key)).first();
        return bucket == null ? Instant.EPOCH : bucket.getList(SLOTS, Document.class, List.of()).stream()
                .filter(entry -> entry.getString("s").equals(hold.sessionId()))
                .map(entry -> entry.getDate("at").toInstant())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
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
