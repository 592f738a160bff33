package fr.bilan.support.refusal;

import java.util.List;

/**
 * What the request says is wrong, field by field, as the JSON spells each field
 * ({@code funding.amountCents}); each description in French.
 */
public final class InvalidFields extends DomainRefusal {

    /** One offending field and what is wrong with it. */
    public record Violation(String field, String description) {
    }

    private final List<Violation> violations;

    public InvalidFields(List<Violation> violations) {
        super("La requête contient " + violations.size() + " champ(s) invalide(s).");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidFields of(String field, String description) {
        return new InvalidFields(List.of(new Violation(field, description)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
