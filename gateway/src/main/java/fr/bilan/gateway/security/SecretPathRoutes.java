package fr.bilan.gateway.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import fr.bilan.gateway.transcoding.HttpBindings;
import fr.bilan.gateway.transcoding.HttpBindings.Matched;
import reactor.core.publisher.Mono;

/**
 * The requests that resolve, as the transcoder resolves them, to an RPC the contract declares
 * {@code public_with_secret_path}: they need no token, the secret in their path being the credential
 * the service checks. Any other request to the API, a wrong method on the same path included, needs one.
 */
final class SecretPathRoutes implements ServerWebExchangeMatcher {

    private final HttpBindings bindings;

    SecretPathRoutes(HttpBindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return bindings.resolve(exchange) instanceof Matched matched
                && matched.binding().publicWithSecretPath() ? MatchResult.match() : MatchResult.notMatch();
    }
}
