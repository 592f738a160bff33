package fr.bilan.notification.message;

/** The phase of a session, as a message names it. */
public enum SessionPhase {
    INTAKE("entretien préalable"),
    PRELIMINARY("phase préliminaire"),
    INVESTIGATION("phase d'investigation"),
    CONCLUSION("phase de conclusion"),
    FOLLOW_UP("entretien de suivi");

    private final String frenchName;

    SessionPhase(String frenchName) {
        this.frenchName = frenchName;
    }

    public String frenchName() {
        return frenchName;
    }
}
