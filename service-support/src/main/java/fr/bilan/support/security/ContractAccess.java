package fr.bilan.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.grpc.server.security.CallContext;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import com.google.protobuf.Descriptors.MethodDescriptor;

import fr.bilan.proto.auth.AccessRules;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;

/**
 * The service's own check of the contract's {@code (bilan.auth.v1.access)} option, whatever the
 * gateway already did: the caller must hold one of the roles the RPC names. An RPC that names none,
 * or that is not described by a proto file, is refused ({@code PERMISSION_DENIED}). An RPC declared
 * {@code public_with_secret_path} lets anyone through, token or not: the service itself checks the
 * secret the request carries.
 */
final class ContractAccess implements AuthorizationManager<Object> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, Object context) {
        Optional<MethodDescriptor> method = context instanceof CallContext call
                && call.method().getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier schema
                ? Optional.of(schema.getMethodDescriptor())
                : Optional.empty();
        if (method.filter(AccessRules::publicWithSecretPath).isPresent()) {
            return new AuthorizationDecision(true);
        }
        Set<String> allowed = method.map(AccessRules::allowedRoles).orElse(Set.of());
        Authentication caller = authentication.get();
        boolean granted = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.startsWith("ROLE_") && allowed.contains(authority.substring(5)));
        return new AuthorizationDecision(granted);
    }
}
