package fr.bilan.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRolesTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now());
        claims.forEach(builder::claim);
        return builder.claim("sub", "s").build();
    }

    @Test
    void readsKeycloakRealmRoles() {
        var authorities = new RealmRoles().convert(jwt(Map.of("realm_access", Map.of("roles", List.of("consultant", "auditor")))));

        assertThat(authorities).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_consultant", "ROLE_auditor");
    }

    @Test
    void grantsNothingWhenTheClaimIsMissingOrMisshapen() {
        assertThat(new RealmRoles().convert(jwt(Map.of()))).isEmpty();
        assertThat(new RealmRoles().convert(jwt(Map.of("realm_access", "consultant")))).isEmpty();
        assertThat(new RealmRoles().convert(jwt(Map.of("realm_access", Map.of("roles", "consultant"))))).isEmpty();
    }
}
