package fr.bilan.gateway.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem: {@code type} is stable and made for code, {@code title} is French and made
 * for the person in front of the screen, {@code code} is the gRPC status behind it. {@code members}
 * are extension members: each detail of the failure that the contract defines (a slot conflict…),
 * under its name in lowerCamelCase, in the proto3 JSON mapping.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String correlationId, List<FieldError> errors, @JsonAnyGetter Map<String, Object> members) {

    /** One offending field, by its path in the request as the client spelled it ({@code email}, {@code sessions[0].startTime}). */
    public record FieldError(String field, String detail) {
    }

    public static Problem of(ProblemKind kind, String detail, String instance, String correlationId) {
        return of(kind, detail, instance, correlationId, List.of());
    }

    public static Problem of(ProblemKind kind, String detail, String instance, String correlationId,
            List<FieldError> errors) {
        return of(kind, detail, instance, correlationId, errors, Map.of());
    }

    public static Problem of(ProblemKind kind, String detail, String instance, String correlationId,
            List<FieldError> errors, Map<String, Object> members) {
        return new Problem(kind.type(), kind.title(), kind.httpStatus(), detail, instance,
                kind.grpcCode() == null ? null : kind.grpcCode().name(), correlationId, List.copyOf(errors),
                Collections.unmodifiableMap(new LinkedHashMap<>(members)));
    }
}
