package fr.bilan.proto.auth;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.MethodDescriptor;

import fr.bilan.proto.auth.v1.AccessProto;
import fr.bilan.proto.auth.v1.AccessRule;
import fr.bilan.proto.auth.v1.Role;

/**
 * Reads the {@code (bilan.auth.v1.access)} option of an RPC: the realm roles allowed to call it, or
 * whether the secret in its path stands in for a token.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /**
     * Keycloak names of the roles allowed; empty when the RPC declares none, so no token holder may
     * call it (a {@linkplain #publicWithSecretPath public} RPC declares none either).
     */
    public static Set<String> allowedRoles(MethodDescriptor method) {
        return rule(method).getRolesList().stream()
                .filter(role -> role != Role.ROLE_UNSPECIFIED && role != Role.UNRECOGNIZED)
                .map(AccessRules::realmRole)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether anyone may call the RPC without a token, the secret in its path being the credential;
     * only when it names no role too: a rule mixing both stays token-only (and the contract test
     * rejects it).
     */
    public static boolean publicWithSecretPath(MethodDescriptor method) {
        AccessRule rule = rule(method);
        return rule.getPublicWithSecretPath() && rule.getRolesCount() == 0;
    }

    private static AccessRule rule(MethodDescriptor method) {
        return method.getOptions().getExtension(AccessProto.access);
    }

    /** {@code CENTRE_MANAGER} → {@code centre-manager}. */
    public static String realmRole(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
