package fr.bilan.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests refused before any filter runs get the same problem+json as every other refusal,
 * instead of an empty body: what the HTTP parser rejects (a request line over its limit, 414;
 * headers over theirs, 431; anything it cannot read, 400), answered by Reactor Netty itself, and a
 * target that is not a valid URI (a stray {@code %}, {@code %ZZ}), which Spring's Netty adapter
 * refuses. This handler sits between the HTTP codec and Reactor Netty's own handling, answers such
 * a request and closes the connection.
 */
@Component
public class RawRequestGuard implements NettyServerCustomizer {

    private static final String NAME = "bilanRawRequestGuard";

    private final ProblemResponses problems;

    public RawRequestGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1.1, the protocol the gateway serves; another one keeps Reactor Netty's own answers
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, new Guard());
            }
        });
    }

    private final class Guard extends ChannelInboundHandlerAdapter {

        private boolean refusing;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                Problem problem = problemWith(request);
                refusing = problem != null;
                if (refusing) {
                    ReferenceCountUtil.release(message);
                    context.writeAndFlush(response(problem)).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            if (refusing) {
                ReferenceCountUtil.release(message); // the rest of a refused request
                return;
            }
            context.fireChannelRead(message);
        }

        private FullHttpResponse response(Problem problem) {
            byte[] body = problems.bytes(problem);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, ProblemResponses.PROBLEM_JSON.toString())
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(HttpHeaderNames.CONNECTION, "close")
                    .set(CorrelationId.HEADER, problem.correlationId());
            return response;
        }
    }

    /** The problem a request is refused with before it goes further; {@code null} when it may go on. */
    static Problem problemWith(HttpRequest request) {
        String correlationId = UUID.randomUUID().toString();
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return Problem.of(ProblemKind.URI_TOO_LONG,
                        "L'adresse de la requête est trop longue : raccourcissez ses paramètres.", null, correlationId);
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return Problem.of(ProblemKind.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "Les en-têtes de la requête sont trop volumineux.", null, correlationId);
            }
            return Problem.of(ProblemKind.INVALID_ARGUMENT, "La requête HTTP est mal formée.", null, correlationId);
        }
        if (!isValidUri(request.uri())) {
            return Problem.of(ProblemKind.INVALID_ARGUMENT,
                    "L'adresse de la requête est mal formée (encodage « % » invalide).", null, correlationId);
        }
        return null;
    }

    static boolean isValidUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
