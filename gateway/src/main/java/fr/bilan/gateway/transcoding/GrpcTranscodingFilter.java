package fr.bilan.gateway.transcoding;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import fr.bilan.gateway.problem.CorrelationId;
import fr.bilan.gateway.problem.PageRequests;
import fr.bilan.gateway.problem.ProblemErrorHandler;
import fr.bilan.gateway.problem.ProblemKind;
import fr.bilan.gateway.problem.ProblemResponses;
import fr.bilan.gateway.transcoding.HttpBindings.Matched;
import fr.bilan.gateway.transcoding.HttpBindings.MethodNotAllowed;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;

/**
 * The end of the API route: resolves the HTTP request to an RPC, transcodes it, calls the service
 * and writes the JSON answer (or the raw body of a {@code google.api.HttpBody}, or a file streamed
 * in {@code google.api.HttpBody} chunks) or the problem. It ends the exchange; nothing is proxied.
 */
public final class GrpcTranscodingFilter implements GatewayFilter {

    /** What a caller whose role the contract does not name is told (data scoping refusals say otherwise). */
    public static final String ROLE_REFUSED = "Votre rôle ne permet pas cette opération.";
    private static final MediaType NDJSON = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);
    private static final String NOSNIFF = "nosniff";
    private static final Logger log = LoggerFactory.getLogger(GrpcTranscodingFilter.class);

    private final HttpBindings bindings;
    private final RequestTranscoder requests;
    private final ResponseTranscoder responses;
    private final GrpcBackends backends;
    private final ProblemResponses problems;
    private final ServiceProblems serviceProblems;
    private final int maxBodyBytes;

    public GrpcTranscodingFilter(HttpBindings bindings, RequestTranscoder requests, ResponseTranscoder responses,
            GrpcBackends backends, ProblemResponses problems, ServiceProblems serviceProblems,
            GatewayProperties properties) {
        this.bindings = bindings;
        this.requests = requests;
        this.responses = responses;
        this.backends = backends;
        this.problems = problems;
        this.serviceProblems = serviceProblems;
        this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpBindings.Resolution resolution = bindings.resolve(exchange);
        if (resolution instanceof Matched matched) {
            return call(exchange, matched);
        }
        if (resolution instanceof MethodNotAllowed notAllowed) {
            exchange.getResponse().getHeaders().setAllow(notAllowed.allowed());
            return problems.write(exchange, ProblemKind.METHOD_NOT_ALLOWED, "Méthodes acceptées sur cette ressource : "
                    + notAllowed.allowed().stream().map(Object::toString).collect(Collectors.joining(", ")) + ".");
        }
        return problems.write(exchange, ProblemKind.NOT_FOUND, "Aucune opération de l'API ne correspond à ce chemin.");
    }

    private Mono<Void> call(ServerWebExchange exchange, Matched matched) {
        HttpBinding binding = matched.binding();
        java.util.List<String> contentTypes = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.CONTENT_TYPE);
        if (binding.takesRawBody() ? contentTypes.size() > 1 : !takesContentType(contentTypes)) {
            return problems.write(exchange, ProblemKind.UNSUPPORTED_MEDIA_TYPE, binding.takesRawBody()
                    ? "Le corps de la requête doit avoir un seul type de contenu (Content-Type)."
                    : "Le corps de la requête doit être en JSON, en UTF-8 (Content-Type: application/json).");
        }
        if (binding.publicWithSecretPath()) {
            // no role to hold: the secret in the path is the credential, checked by the service, and never logged
            exchange.getAttributes().put(ProblemErrorHandler.LOGGED_PATH, binding.path().toString());
            return forward(exchange, matched);
        }
        return exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication authentication
                        && binding.allows(authentication.getAuthorities()))
                .flatMap(allowed -> forward(exchange, matched))
                .switchIfEmpty(Mono.defer(() -> problems.write(exchange, ProblemKind.PERMISSION_DENIED, ROLE_REFUSED)));
    }

    private Mono<Void> forward(ServerWebExchange exchange, Matched matched) {
        ServerHttpRequest request = exchange.getRequest();
        HttpBinding binding = matched.binding();
        String ifMatch = request.getHeaders().getFirst(HttpHeaders.IF_MATCH);
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(body -> Etags.applyIfMatch(binding, requests.transcode(binding, matched.variables(),
                        QueryParameters.parse(request.getURI().getRawQuery()), body,
                        request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)), ifMatch))
                .flatMap(message -> binding.answersDownload() ? writeDownload(exchange, binding, message)
                        : binding.method().isServerStreaming() ? writeStream(exchange, binding, message)
                        : backends.call(binding, message, authorization(request), CorrelationId.of(exchange))
                                .flatMap(response -> binding.answersRawBody()
                                        ? writeRaw(exchange.getResponse(), binding, response)
                                        : writeJson(exchange.getResponse(), binding, response)))
                .onErrorResume(TranscodingException.class,
                        e -> problems.write(exchange, e.kind(), e.getMessage(), e.errors()))
                .onErrorResume(DataBufferLimitException.class,
                        e -> problems.write(exchange, ProblemKind.PAYLOAD_TOO_LARGE,
                                "Le corps de la requête dépasse " + maxBodyBytes + " octets."))
                .onErrorResume(StatusRuntimeException.class, e -> problems.write(exchange, serviceProblems.of(exchange,
                        binding, ifMatch != null && e.getStatus().getCode() == Status.Code.ABORTED
                                ? ProblemKind.PRECONDITION_FAILED : ProblemKind.of(e.getStatus().getCode()), e)))
                .onErrorResume(CallNotPermittedException.class, e -> {
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                            String.valueOf(backends.retryAfterSeconds()));
                    return problems.write(exchange, ProblemKind.UNAVAILABLE,
                            "Le service est momentanément indisponible. Réessayez dans quelques instants.");
                });
    }

    /**
     * A server-streaming RPC as newline-delimited JSON, a line per message, each flushed as it
     * comes. A failure before the first line is an ordinary problem response; after it, the status
     * is gone, so the stream ends with an {@code {"error": <problem>}} line.
     */
    private Mono<Void> writeStream(ServerWebExchange exchange, HttpBinding binding, DynamicMessage message) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(NDJSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        Flux<Mono<DataBuffer>> lines = backends.stream(binding, message, authorization(exchange.getRequest()),
                        CorrelationId.of(exchange))
                .map(answer -> line(response, responses.transcode(binding, answer)))
                .onErrorResume(StatusRuntimeException.class, e -> response.isCommitted()
                        ? Mono.just(line(response, problems.streamError(serviceProblems.of(exchange, binding,
                                ProblemKind.of(e.getStatus().getCode()), e))))
                        : Mono.error(e))
                .map(Mono::just);
        return response.writeAndFlushWith(lines);
    }

    /**
     * A file streamed in {@code google.api.HttpBody} chunks, as its bytes: the 200 and the first
     * chunk's content type leave with the first chunk; each chunk is flushed as it comes, and the
     * next is asked of the service only as the client takes them in. A download, never shown in
     * place: {@code Content-Disposition: attachment} under the name its contract gives,
     * {@code nosniff}. A failure before the first chunk is an ordinary problem response; after it,
     * see {@link #cut}.
     */
    private Mono<Void> writeDownload(ServerWebExchange exchange, HttpBinding binding, DynamicMessage message) {
        ServerHttpResponse response = exchange.getResponse();
        Flux<Mono<DataBuffer>> chunks = backends.stream(binding, message, authorization(exchange.getRequest()),
                        CorrelationId.of(exchange))
                .map(answer -> httpBody(binding, answer))
                .switchOnFirst((first, all) -> {
                    if (first.hasValue()) {
                        setRawBodyHeaders(response, binding, contentType(first.get()));
                    }
                    return all;
                })
                .switchIfEmpty(Mono.error(() -> Status.INTERNAL
                        .withDescription(binding.method().getFullName() + " answered no chunk").asRuntimeException()))
                .map(body -> Mono.just(response.bufferFactory().wrap(data(body).asReadOnlyByteBuffer())));
        return response.writeAndFlushWith(chunks)
                .onErrorResume(failure -> response.isCommitted(), failure -> cut(exchange, binding, failure));
    }

    /**
     * A download that fails once its first bytes are gone: the 200 was sent, and ending the body as
     * usual would make a truncated file look complete. The connection is closed instead, without
     * the end of the chunked body (HTTP/1.1) or with a reset stream (HTTP/2): the client sees the
     * download fail. Logged without the path, which may hold a secret.
     */
    private static Mono<Void> cut(ServerWebExchange exchange, HttpBinding binding, Throwable failure) {
        log.warn("Download {} cut after its first bytes [{}]: {}", binding.method().getFullName(),
                CorrelationId.of(exchange), Status.fromThrowable(failure));
        if (ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse()) instanceof NettyOutbound outbound) {
            // the close is queued on the connection's event loop ahead of the end of the body, which
            // completing here would write: that write then finds the connection closed
            outbound.withConnection(connection -> connection.channel().close());
            return Mono.empty();
        }
        return Mono.error(failure);
    }

    private static DataBuffer line(ServerHttpResponse response, byte[] json) {
        DataBuffer buffer = response.bufferFactory().allocateBuffer(json.length + 1);
        buffer.write(json);
        buffer.write((byte) '\n');
        return buffer;
    }

    private static String authorization(ServerHttpRequest request) {
        return request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    }

    /**
     * Whether the request's {@code Content-Type} headers allow its body to be read: none, or one
     * JSON type ({@code application/json}, {@code application/*+json}) without a charset other than
     * UTF-8. A list of types, two headers or a value that does not parse is refused: which type
     * would the body be in?
     */
    private static boolean takesContentType(java.util.List<String> headers) {
        if (headers.isEmpty()) {
            return true;
        }
        if (headers.size() > 1) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(headers.get(0));
        } catch (IllegalArgumentException notOneType) { // InvalidMediaTypeException, an unknown charset
            return false;
        }
        boolean json = type.getType().equals("application") && !type.isWildcardSubtype()
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        return json && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
    }

    /**
     * A {@code google.api.HttpBody} as it is: its bytes under its own content type; a file to save
     * when its contract names one.
     */
    private Mono<Void> writeRaw(ServerHttpResponse response, HttpBinding binding, DynamicMessage answer) {
        Message body = httpBody(binding, answer);
        setRawBodyHeaders(response, binding, contentType(body));
        if (bindings.isPage(binding)) {
            // written before Spring Security's headers, which then leave it be
            response.getHeaders().set("Content-Security-Policy", PageRequests.CONTENT_SECURITY_POLICY);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(data(body).asReadOnlyByteBuffer())));
    }

    private static void setRawBodyHeaders(ServerHttpResponse response, HttpBinding binding, MediaType contentType) {
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(contentType);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        // the type the service gave, not one a browser guesses from the bytes
        response.getHeaders().set("X-Content-Type-Options", NOSNIFF);
        if (binding.fileName() != null) {
            // saved, not shown, under the contract's name (ASCII, so filename= alone says it to every browser)
            response.getHeaders().setContentDisposition(ContentDisposition.attachment().filename(binding.fileName())
                    .build());
        }
    }

    /** The {@code google.api.HttpBody} an answer carries: the answer itself, or its {@code response_body} field. */
    private static Message httpBody(HttpBinding binding, DynamicMessage answer) {
        return binding.responseBody() == null ? answer : (Message) answer.getField(binding.responseBody());
    }

    private static MediaType contentType(Message body) {
        Descriptor type = body.getDescriptorForType();
        String contentType = (String) body.getField(type.findFieldByName("content_type"));
        return contentType.isEmpty() ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
    }

    private static ByteString data(Message body) {
        return (ByteString) body.getField(body.getDescriptorForType().findFieldByName("data"));
    }

    private Mono<Void> writeJson(ServerHttpResponse response, HttpBinding binding, DynamicMessage answer) {
        byte[] json = responses.transcode(binding, answer);
        Etags.header(binding, answer).ifPresent(etag -> response.getHeaders().setETag(etag));
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }
}
