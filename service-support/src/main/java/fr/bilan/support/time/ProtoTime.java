package fr.bilan.support.time;

import java.time.Instant;

import com.google.protobuf.Timestamp;

/** Instants as protobuf timestamps, to the nanosecond. */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
