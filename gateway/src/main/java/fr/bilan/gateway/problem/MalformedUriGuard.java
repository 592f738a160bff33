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
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose target is not a valid URI (a stray {@code %}, {@code %ZZ}) is refused by Spring's
 * Netty adapter with an empty 400 before any filter runs. This handler answers it first, with the
 * same problem+json as every other refusal, and closes the connection.
 */
@Component
public class MalformedUriGuard implements NettyServerCustomizer {

    private final JsonMapper json;

    public MalformedUriGuard(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnConnection(connection -> connection.addHandlerLast("bilanMalformedUriGuard", new Guard()));
    }

    private final class Guard extends ChannelInboundHandlerAdapter {

        private boolean refusing;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                refusing = !isValid(request.uri());
                if (refusing) {
                    ReferenceCountUtil.release(message);
                    context.writeAndFlush(problem()).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            if (refusing) {
                ReferenceCountUtil.release(message); // the rest of a refused request
                return;
            }
            context.fireChannelRead(message);
        }

        private FullHttpResponse problem() {
            String correlationId = UUID.randomUUID().toString();
            byte[] body = json.writeValueAsBytes(Problem.of(ProblemKind.INVALID_ARGUMENT,
                    "L'adresse de la requête est mal formée (encodage « % » invalide).", null, correlationId));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                    Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, ProblemResponses.PROBLEM_JSON.toString())
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .set(HttpHeaderNames.CONNECTION, "close")
                    .set(CorrelationId.HEADER, correlationId);
            return response;
        }
    }

    static boolean isValid(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
