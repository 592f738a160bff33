package fr.bilan.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The last word on anything that escapes the API's own handling (framework rejections, bugs):
 * still a problem+json, never Spring's default error body nor a stack trace. Runs before Boot's
 * default handler.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    /** Exchange attribute: what to log in place of a request's path that holds a secret (its route template). */
    public static final String LOGGED_PATH = ProblemErrorHandler.class.getName() + ".loggedPath";

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    public ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            // the framework's reason is English, and may quote the request: the kind's French title instead
            ProblemKind kind = ProblemKind.ofHttpStatus(status.getStatusCode().value());
            return problems.write(exchange, kind, kind.title() + ".");
        }
        log.error("Unexpected error on {} {} [{}]", exchange.getRequest().getMethod(),
                exchange.getAttributeOrDefault(LOGGED_PATH, exchange.getRequest().getPath().value()),
                CorrelationId.of(exchange), error);
        return problems.write(exchange, ProblemKind.INTERNAL,
                "Une erreur inattendue s'est produite. Si elle persiste, communiquez l'identifiant de corrélation au support.");
    }
}
