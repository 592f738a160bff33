package fr.bilan.quality.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.bilan.support.refusal.InvalidFields;

/**
 * What the register's rules find wrong in what a manager wrote, field by field as the JSON spells each
 * field ({@code complaint.channel}), in French: collected, then refused at once, so that a form shows
 * every mistake and nothing is written.
 */
public final class RegisterFields {

    private final List<InvalidFields.Violation> violations = new ArrayList<>();

    public RegisterFields add(String field, String description) {
        violations.add(new InvalidFields.Violation(field, description));
        return this;
    }

    /** A value the register cannot do without (a channel, a topic...): {@code missing} says what to give. */
    public RegisterFields require(String field, Object value, String missing) {
        return value == null ? add(field, missing) : this;
    }

    /**
     * A free text: not blank when required, at most {@code maxLength} characters, one line or paragraphs
     * (line breaks taken when {@code paragraphs}) but no tab nor other control character, which a CSV or a
     * PDF of the register would print as garbage.
     */
    public RegisterFields text(String field, String value, int maxLength, boolean required, boolean paragraphs) {
        if (value == null || value.isBlank()) {
            return required ? add(field, "Ce champ est obligatoire.") : this;
        }
        if (value.length() > maxLength) {
            return add(field, "Ce champ ne doit pas dépasser " + maxLength + " caractères.");
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && !(paragraphs && (c == '\n' || c == '\r')));
        if (control) {
            return add(field, paragraphs ? "Ce champ ne doit contenir ni tabulation ni caractère de contrôle."
                    : "Ce champ tient sur une ligne : ni saut de ligne, ni tabulation, ni caractère de contrôle.");
        }
        return this;
    }

    /** A day that cannot be later than {@code today} in the centre's zone (what was received, done...). */
    public RegisterFields notInTheFuture(String field, LocalDate day, LocalDate today) {
        if (day != null && day.isAfter(today)) {
            add(field, "Cette date est dans le futur : indiquez un jour passé ou aujourd'hui (" + Days.french(today) + ").");
        }
        return this;
    }

    /** Throws the violations collected, if any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations);
        }
    }

    /** The text as kept: without the spaces around it; empty for none. */
    public static String stripped(String value) {
        return Objects.requireNonNullElse(value, "").strip();
    }
}
