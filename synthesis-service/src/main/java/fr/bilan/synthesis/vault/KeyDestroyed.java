package fr.bilan.synthesis.vault;

/** The bilan's key is gone: its content can never be read again, from any copy. */
public class KeyDestroyed extends RuntimeException {

    private final String assessmentId;

    public KeyDestroyed(String assessmentId) {
        super("The key of bilan " + assessmentId + " was destroyed: its documents can no longer be read");
        this.assessmentId = assessmentId;
    }

    public String assessmentId() {
        return assessmentId;
    }
}
