package fr.bilan.gateway.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem: {@code type} is stable and made for code, {@code title} is French and made
 * for the person in front of the screen, {@code code} is the gRPC status behind it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String correlationId, List<FieldError> errors) {

    /** One offending field, by its path in the request ({@code beneficiary.email}). */
    public record FieldError(String field, String detail) {
    }

    public static Problem of(ProblemKind kind, String detail, String instance, String correlationId) {
        return of(kind, detail, instance, correlationId, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, String instance, String correlationId,
            List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), kind.httpStatus(), detail, instance,
                kind.grpcCode() == null ? null : kind.grpcCode().name(), correlationId, List.copyOf(errors));
    }
}
