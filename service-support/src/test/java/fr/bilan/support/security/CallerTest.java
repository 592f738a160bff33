package fr.bilan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

class CallerTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsSubjectRolesAndCentresFromTheToken() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1").issuedAt(Instant.now())
                .claim("realm_access", Map.of("roles", List.of("centre-manager")))
                .claim("centres", List.of("centre-lyon", "centre-paris"))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, new RealmRoles().convert(jwt)));

        Caller caller = Caller.current();

        assertThat(caller.subject()).isEqualTo("u-1");
        assertThat(caller.roles()).containsExactly("centre-manager");
        assertThat(caller.hasRole("centre-manager")).isTrue();
        assertThat(caller.centres()).containsExactlyInAnyOrder("centre-lyon", "centre-paris");
    }

    @Test
    void hasNoCentresWithoutTheClaim() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-2").issuedAt(Instant.now()).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));

        assertThat(Caller.current().centres()).isEmpty();
    }

    @Test
    void refusesWhenNobodyIsAuthenticated() {
        assertThatThrownBy(Caller::current).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
