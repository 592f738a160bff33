package fr.bilan.synthesis.bilan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How the bilan ran, as the synthèse states it on its first page: when the action started and
 * ended, and the accompaniment hours held with the beneficiary in each of the three phases of
 * R6313-4 (the free entretien préalable and the follow-up interview are not part of them).
 *
 * @param start the day of the first session held, {@code null} when none was held yet
 * @param end the day the action ended, {@code null} while it is under way
 */
public record BilanCourse(LocalDate start, LocalDate end, Duration preliminary, Duration investigation,
        Duration conclusion) {

    /** Nothing known of the bilan's course: no date, no hour. */
    public static final BilanCourse UNKNOWN = new BilanCourse(null, null, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public BilanCourse {
        Objects.requireNonNull(preliminary, "preliminary");
        Objects.requireNonNull(investigation, "investigation");
        Objects.requireNonNull(conclusion, "conclusion");
    }

    /** The hours of the three phases together. */
    public Duration total() {
        return preliminary.plus(investigation).plus(conclusion);
    }

    /** Whether the action is still under way (no end yet). */
    public boolean ongoing() {
        return end == null;
    }
}
