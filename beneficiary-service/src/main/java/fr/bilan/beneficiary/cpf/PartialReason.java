package fr.bilan.beneficiary.cpf;

/** Why an action ended before its planned hours, as the exit declaration asks it. */
public enum PartialReason {
    WITHDRAWAL("abandon du titulaire (désistement)"),
    ABANDONMENT("abandon en cours de formation"),
    FORCE_MAJEURE("force majeure"),
    ABSENCES("absences du titulaire");

    private final String label;

    PartialReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason an outcome gives when the hours fell short. */
    static PartialReason of(BilanOutcome outcome) {
        return switch (outcome) {
            case WITHDRAWN -> WITHDRAWAL;
            case ABANDONED -> ABANDONMENT;
            case INTERRUPTED -> FORCE_MAJEURE;
            case COMPLETED -> ABSENCES;
        };
    }
}
