package fr.bilan.support.time;

import java.time.Instant;
import java.util.Optional;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;

import fr.bilan.support.errors.FieldViolations;

/** Instants as protobuf timestamps and back, to the nanosecond. */
public final class ProtoTime {

    private ProtoTime() {
    }

    /**
     * The timestamp of an instant of years 1 to 9999, the range a {@code Timestamp} may hold: past it,
     * no RFC 3339 form exists and the gateway could not print the answer. An instant outside is a
     * fault of the caller, which must have bounded the times it computes from a request.
     *
     * @throws IllegalArgumentException outside years 1 to 9999
     */
    public static Timestamp of(Instant instant) {
        Timestamp timestamp = Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano())
                .build();
        if (!Timestamps.isValid(timestamp)) {
            throw new IllegalArgumentException("No timestamp for " + instant + ": outside years 1 to 9999");
        }
        return timestamp;
    }

    public static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /**
     * A request's optional time as an instant; one outside what a {@code Timestamp} may hold (years
     * 1 to 9999) is added to {@code violations} under {@code field}, since no store takes it.
     */
    public static Optional<Instant> toInstant(String field, Optional<Timestamp> timestamp, FieldViolations violations) {
        if (timestamp.isPresent() && !Timestamps.isValid(timestamp.get())) {
            violations.add(field, "Date invalide : elle doit être comprise entre l'an 1 et l'an 9999.");
            return Optional.empty();
        }
        return timestamp.map(ProtoTime::toInstant);
    }

    /**
     * A request's required time as an instant: when absent, {@code missing} (the French sentence
     * saying what to give) is added to {@code violations} under {@code field}; when out of range, as
     * {@link #toInstant(String, Optional, FieldViolations)} says.
     */
    public static Optional<Instant> required(String field, boolean present, Timestamp timestamp, String missing,
            FieldViolations violations) {
        if (!present) {
            violations.add(field, missing);
            return Optional.empty();
        }
        return toInstant(field, Optional.of(timestamp), violations);
    }
}
