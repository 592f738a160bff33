package fr.bilan.synthesis.bilan;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A bilan as the synthèse needs it, read from session-service: whose it is, who leads it, where it
 * stands, and for the printed synthèse the hours held with the beneficiary per phase and the end of
 * the action.
 *
 * @param state    {@code null} when session-service answers a state this service does not know
 * @param attended the hours held with the beneficiary present, per phase; a phase left out held none
 * @param actionEnd when the action ended; {@code null} while it is under way
 */
public record Bilan(String id, String beneficiaryId, String centreId, String consultantId, BilanState state,
        Map<Phase, Duration> attended, Instant actionEnd) {

    public Bilan {
        attended = Map.copyOf(attended);
    }

    /** The resource name access records use. */
    public String resource() {
        return "assessments/" + id + "/synthesis";
    }

    /** The hours held in {@code phase}. */
    public Duration attended(Phase phase) {
        return attended.getOrDefault(phase, Duration.ZERO);
    }
}
