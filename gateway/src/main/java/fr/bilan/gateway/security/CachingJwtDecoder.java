package fr.bilan.gateway.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens already verified, until they expire: a front-end sends the same token for its
 * whole lifetime, and checking its RSA signature again on every request was the gateway's largest
 * single cost. Only successful checks are kept; a token past its {@code exp} is checked anew (and
 * refused).
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, int maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            synchronized (verified) {
                verified.put(token, jwt);
            }
        });
    }
}
