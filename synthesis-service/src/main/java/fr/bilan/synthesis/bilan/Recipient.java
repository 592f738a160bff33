package fr.bilan.synthesis.bilan;

/**
 * Whom the beneficiary lets their synthèse be shared with, as their consent names them.
 *
 * @param name as the consent names them: the consent holds for this name only
 */
public record Recipient(Kind kind, String name) {

    /** The kinds of recipient a sharing consent names. */
    public enum Kind {
        CEP_ADVISOR, EMPLOYER, OTHER_RECIPIENT
    }
}
