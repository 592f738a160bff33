package fr.bilan.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Jwt jwt(String token, Instant expiry) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiry).build();
    }

    @Test
    void checksATokenOnceWhileItIsValid() {
        AtomicInteger checks = new AtomicInteger();
        ReactiveJwtDecoder delegate = token -> {
            checks.incrementAndGet();
            return Mono.just(jwt(token, NOW.plusSeconds(300)));
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, Clock.fixed(NOW, ZoneOffset.UTC), 10);

        decoder.decode("a").block();
        decoder.decode("a").block();
        decoder.decode("b").block();

        assertThat(checks).hasValue(2);
    }

    @Test
    void checksAgainOnceExpiredAndNeverRemembersARefusal() {
        AtomicInteger checks = new AtomicInteger();
        ReactiveJwtDecoder delegate = token -> {
            checks.incrementAndGet();
            return token.equals("bad") ? Mono.error(new BadJwtException("bad signature"))
                    : Mono.just(jwt(token, NOW.plusSeconds(5)));
        };
        CachingJwtDecoder fresh = new CachingJwtDecoder(delegate, Clock.fixed(NOW, ZoneOffset.UTC), 10);
        fresh.decode("a").block();
        CachingJwtDecoder later = new CachingJwtDecoder(delegate, Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC), 10);
        later.decode("a").block();
        later.decode("a").block();

        for (int i = 0; i < 2; i++) {
            assertThat(fresh.decode("bad").onErrorResume(e -> Mono.empty()).block()).isNull();
        }
        assertThat(checks).hasValue(1 + 2 + 2);
    }
}
