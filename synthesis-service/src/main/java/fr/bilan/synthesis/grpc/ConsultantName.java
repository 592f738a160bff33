package fr.bilan.synthesis.grpc;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The consultant's name as the synthèse prints it: the identity provider's {@code name} claim
 * (Keycloak's profile scope), else given and family names; never their subject identifier.
 */
final class ConsultantName {

    private ConsultantName() {
    }

    static String current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            String name = jwt.getToken().getClaimAsString("name");
            if (name != null && !name.isBlank()) {
                return name;
            }
            String given = jwt.getToken().getClaimAsString("given_name");
            String family = jwt.getToken().getClaimAsString("family_name");
            if (given != null && family != null) {
                return given + " " + family;
            }
        }
        return "";
    }
}
