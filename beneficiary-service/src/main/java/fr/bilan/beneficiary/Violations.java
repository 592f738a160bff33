package fr.bilan.beneficiary;

import java.util.List;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.refusal.InvalidFields;

/**
 * What the domain finds wrong with a request, field by field, refused as {@link InvalidFields}
 * (mapped to {@code INVALID_ARGUMENT} once, by service-support). The text checks are
 * {@link FieldViolations}' own, so that the edge and the domain word them alike.
 */
public final class Violations {

    private final FieldViolations fields = new FieldViolations();

    public Violations add(String field, String description) {
        fields.add(field, description);
        return this;
    }

    /** A required single-line text: see {@link FieldViolations#requireText}. */
    public Violations requireText(String field, String value, int maxLength) {
        fields.requireText(field, value, maxLength);
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Throws {@link InvalidFields} when anything was added; does nothing otherwise. */
    public void throwIfAny() {
        if (!isEmpty()) {
            List<InvalidFields.Violation> violations = fields.asList().stream()
                    .map(violation -> new InvalidFields.Violation(violation.getField(), violation.getDescription()))
                    .toList();
            throw new InvalidFields(violations);
        }
    }
}
