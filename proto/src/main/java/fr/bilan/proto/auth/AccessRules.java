package fr.bilan.proto.auth;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.MethodDescriptor;

import fr.bilan.proto.auth.v1.AccessProto;
import fr.bilan.proto.auth.v1.Role;

/** Reads the {@code (bilan.auth.v1.access)} option of an RPC: the realm roles allowed to call it. */
public final class AccessRules {

    private AccessRules() {
    }

    /** Keycloak names of the roles allowed; empty when the RPC declares none, so nobody may call it. */
    public static Set<String> allowedRoles(MethodDescriptor method) {
        if (!method.getOptions().hasExtension(AccessProto.access)) {
            return Set.of();
        }
        return method.getOptions().getExtension(AccessProto.access).getRolesList().stream()
                .filter(role -> role != Role.ROLE_UNSPECIFIED && role != Role.UNRECOGNIZED)
                .map(AccessRules::realmRole)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code CENTRE_MANAGER} → {@code centre-manager}. */
    public static String realmRole(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
