package fr.bilan.retention.action;

import java.util.Arrays;
import java.util.Optional;

/** How a bilan's action ended: its conclusion, or one of the side exits. */
public enum ActionOutcome {
    /** The conclusion phase ended (synthèse handed over, or closed by the consultant with a reason). */
    COMPLETED,
    /** The beneficiary withdrew. */
    WITHDRAWN,
    ABANDONED,
    /** Interrupted by force majeure. */
    INTERRUPTED;

    /** The outcome of that name; empty for any other. */
    static Optional<ActionOutcome> named(String name) {
        return Arrays.stream(values()).filter(outcome -> outcome.name().equals(name)).findFirst();
    }
}
