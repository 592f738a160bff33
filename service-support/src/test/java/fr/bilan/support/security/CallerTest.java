package fr.bilan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import fr.bilan.proto.auth.v1.Role;
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
        assertThat(caller.hasRole(Role.CENTRE_MANAGER)).isTrue();
        assertThat(caller.hasRole(Role.CONSULTANT)).isFalse();
        assertThat(caller.centres()).containsExactlyInAnyOrder("centre-lyon", "centre-paris");
    }

    @Test
    void holdsARoleInACentreOnlyWithBothTheRoleAndTheCentre() {
        Caller manager = new Caller("u-1", Set.of("centre-manager"), Set.of("centre-lyon"));

        assertThat(manager.holdsIn("centre-lyon", Role.CENTRE_MANAGER)).isTrue();
        assertThat(manager.holdsIn("centre-lyon", Role.CONSULTANT, Role.CENTRE_MANAGER)).isTrue();
        assertThat(manager.holdsIn("centre-paris", Role.CENTRE_MANAGER)).isFalse();
        assertThat(manager.holdsIn("centre-lyon", Role.CONSULTANT, Role.AUDITOR)).isFalse();
        assertThat(manager.holdsIn("centre-lyon")).isFalse();
    }

    @Test
    void isAnAccountOnlyWhenItIsTheSubjectAndNotEmpty() {
        assertThat(new Caller("u-1", Set.of(), Set.of()).isAccount("u-1")).isTrue();
        assertThat(new Caller("u-1", Set.of(), Set.of()).isAccount("u-2")).isFalse();
        assertThat(new Caller("", Set.of(), Set.of()).isAccount("")).isFalse();
        assertThat(new Caller("u-1", Set.of(), Set.of()).isAccount(null)).isFalse();
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
