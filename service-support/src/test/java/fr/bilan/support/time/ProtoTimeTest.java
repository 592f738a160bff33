package fr.bilan.support.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.protobuf.util.Timestamps;

class ProtoTimeTest {

    @Test
    void aTimestampIsMadeOnlyWithinWhatATimestampMayHold() {
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");

        assertThat(Timestamps.isValid(ProtoTime.of(last))).isTrue();
        assertThat(ProtoTime.toInstant(ProtoTime.of(Instant.parse("0001-01-01T00:00:00Z"))))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        // past year 9999 no JSON form exists: the gateway could not print the answer
        assertThatThrownBy(() -> ProtoTime.of(last.plusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtoTime.of(Instant.parse("0000-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
