package fr.bilan.support.clients;

/**
 * A setting the service no longer reads is still given: refused at start, so that a deployment
 * does not silently lose the value it meant (a deadline falling back to its default).
 */
public class SettingRenamed extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    SettingRenamed(String oldKey, String replacement) {
        super(oldKey + " was replaced by " + replacement);
        this.action = "Remove " + oldKey + " (or its environment variable) and set " + replacement
                + " instead (README.md, Configuration; docs/operations.md, Upgrade notes).";
    }

    /** What the operator should do. */
    public String action() {
        return action;
    }
}
