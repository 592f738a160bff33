package fr.bilan.quality.register.dropout;

import fr.bilan.quality.bilan.Outcome;

/** Why a bilan ended without being completed, from its side exit; named as the contract names them. */
public enum DropOutReason {
    WITHDRAWAL,
    ABANDONMENT,
    FORCE_MAJEURE;

    /** The reason of a side exit; empty for an outcome that is no drop-out. */
    public static java.util.Optional<DropOutReason> of(Outcome outcome) {
        return java.util.Optional.ofNullable(switch (outcome) {
            case WITHDRAWN -> WITHDRAWAL;
            case ABANDONED -> ABANDONMENT;
            case INTERRUPTED -> FORCE_MAJEURE;
            case IN_PROGRESS, COMPLETED -> null;
        });
    }
}
