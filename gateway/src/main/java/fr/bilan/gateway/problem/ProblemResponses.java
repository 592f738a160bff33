package fr.bilan.gateway.problem;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes problems as {@code application/problem+json}, and turns gRPC failures into problems. */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail) {
        return write(exchange, kind, detail, List.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail,
            List<Problem.FieldError> errors) {
        return write(exchange, Problem.of(kind, detail, exchange.getRequest().getPath().value(),
                CorrelationId.of(exchange), errors));
    }

    /** The HTTP face of a failed RPC: status mapped exactly, field violations listed. */
    public Mono<Void> write(ServerWebExchange exchange, StatusRuntimeException failure) {
        return write(exchange, ProblemKind.of(failure.getStatus().getCode()), failure);
    }

    /** A failed RPC written as {@code kind} (a 412 for an {@code ABORTED} write under {@code If-Match}). */
    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, StatusRuntimeException failure) {
        return write(exchange, problem(exchange, kind, failure));
    }

    /**
     * The last line of a stream cut by a failure, once the 200 and earlier lines are gone:
     * {@code {"error": <problem>}}.
     */
    public byte[] streamError(ServerWebExchange exchange, StatusRuntimeException failure) {
        return json.writeValueAsBytes(Map.of("error",
                problem(exchange, ProblemKind.of(failure.getStatus().getCode()), failure)));
    }

    /** A problem as its JSON bytes, for a handler that writes the response itself. */
    public byte[] bytes(Problem problem) {
        return json.writeValueAsBytes(problem);
    }

    private Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().setContentType(PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    private static Problem problem(ServerWebExchange exchange, ProblemKind kind, StatusRuntimeException failure) {
        String detail = kind.hidesDetail() || failure.getStatus().getDescription() == null
                ? defaultDetail(kind) : failure.getStatus().getDescription();
        return Problem.of(kind, detail, exchange.getRequest().getPath().value(), CorrelationId.of(exchange),
                kind.hidesDetail() ? List.of() : fieldErrors(failure));
    }

    private static String defaultDetail(ProblemKind kind) {
        return switch (kind) {
            case UNAVAILABLE -> "Le service est indisponible pour le moment. Réessayez dans quelques instants.";
            case DEADLINE_EXCEEDED -> "Le service n'a pas répondu à temps. Réessayez dans quelques instants.";
            case UNAUTHENTICATED -> "Jeton d'accès absent, invalide ou expiré.";
            case PERMISSION_DENIED -> "Vous n'avez pas le droit d'effectuer cette opération.";
            default -> "Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant de corrélation au support.";
        };
    }

    private static List<Problem.FieldError> fieldErrors(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return List.of();
        }
        return status.getDetailsList().stream()
                .filter(detail -> detail.is(BadRequest.class))
                .flatMap(detail -> {
                    try {
                        return detail.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (InvalidProtocolBufferException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .map(violation -> new Problem.FieldError(violation.getField(), violation.getDescription()))
                .toList();
    }
}
