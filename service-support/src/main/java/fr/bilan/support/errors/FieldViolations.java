package fr.bilan.support.errors;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Collects what is wrong with a request, field by field, and turns it into
 * {@code INVALID_ARGUMENT} with {@code google.rpc.BadRequest} details the gateway shows as a list.
 * Descriptions are French: they reach the person who filled the form.
 */
public final class FieldViolations {

    private final List<BadRequest.FieldViolation> violations = new ArrayList<>();

    public FieldViolations add(String field, String description) {
        violations.add(BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description).build());
        return this;
    }

    /**
     * A required single-line text (an identifier, a name): not blank, at most {@code maxLength}
     * characters, without line break, tab or other control character.
     */
    public FieldViolations requireText(String field, String value, int maxLength) {
        return requireText(field, value, maxLength, false);
    }

    /** A required free text (a reason, a note): as {@link #requireText}, but line breaks and tabs are taken. */
    public FieldViolations requireFreeText(String field, String value, int maxLength) {
        return requireText(field, value, maxLength, true);
    }

    private FieldViolations requireText(String field, String value, int maxLength, boolean multiline) {
        if (value == null || value.isBlank()) {
            return add(field, "Ce champ est obligatoire.");
        }
        if (value.length() > maxLength) {
            return add(field, "Ce champ ne doit pas dépasser " + maxLength + " caractères.");
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            return add(field, multiline ? "Ce champ ne doit pas contenir de caractère de contrôle."
                    : "Ce champ tient sur une ligne : ni saut de ligne, ni tabulation, ni caractère de contrôle.");
        }
        return this;
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<BadRequest.FieldViolation> asList() {
        return List.copyOf(violations);
    }

    /** Throws {@code INVALID_ARGUMENT} when anything was added; does nothing otherwise. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw exception();
        }
    }

    /** {@code INVALID_ARGUMENT} for one offending field, for a caller that throws it itself. */
    public static StatusRuntimeException of(String field, String description) {
        return new FieldViolations().add(field, description).exception();
    }

    StatusRuntimeException exception() {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage("La requête contient " + violations.size() + " champ(s) invalide(s).")
                .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }
}
