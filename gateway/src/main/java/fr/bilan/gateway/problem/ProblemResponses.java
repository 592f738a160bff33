package fr.bilan.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problems as {@code application/problem+json}, or, for a page a person opens in a browser
 * ({@link PageRequests}), as a French HTML page with the same status.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final JsonMapper json;
    private final ObjectProvider<PageRequests> pages;

    public ProblemResponses(JsonMapper json, ObjectProvider<PageRequests> pages) {
        this.json = json;
        this.pages = pages;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail) {
        return write(exchange, kind, detail, List.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail,
            List<Problem.FieldError> errors) {
        return write(exchange, Problem.of(kind, detail, exchange.getRequest().getPath().value(),
                CorrelationId.of(exchange), errors));
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        PageRequests pageRequests = pages.getIfAvailable();
        boolean page = pageRequests != null && pageRequests.isPage(exchange);
        response.getHeaders().setContentType(page ? HTML : PROBLEM_JSON);
        if (page) {
            response.getHeaders().set("Content-Security-Policy", PageRequests.CONTENT_SECURITY_POLICY);
        }
        DataBuffer body = response.bufferFactory().wrap(page ? ProblemPage.of(problem) : json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    /**
     * The last line of a stream cut by a failure, once the 200 and earlier lines are gone:
     * {@code {"error": <problem>}}.
     */
    public byte[] streamError(Problem problem) {
        return json.writeValueAsBytes(Map.of("error", problem));
    }

    /** A problem as its JSON bytes, for a handler that writes the response itself. */
    public byte[] bytes(Problem problem) {
        return json.writeValueAsBytes(problem);
    }
}
