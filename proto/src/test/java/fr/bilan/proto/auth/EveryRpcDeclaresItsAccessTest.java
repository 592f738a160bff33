package fr.bilan.proto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.ExtensionRegistry;
import com.jayway.jsonpath.JsonPath;

import fr.bilan.proto.auth.v1.AccessProto;
import fr.bilan.proto.auth.v1.Role;

/** Deny by default is only safe if nobody forgets: every RPC of the platform names its roles. */
class EveryRpcDeclaresItsAccessTest {

    /** The realm Keycloak imports (tests run in the module's folder). */
    private static final Path REALM_FILE = Path.of("..", "helm", "bilan", "files", "keycloak", "bilan-realm.json");

    @Test
    void everyRpcNamesAtLeastOneRealRole() throws Exception {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        AccessProto.registerAllExtensions(registry);
        FileDescriptorSet set;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/bilan/descriptors.pb")) {
            assertThat(in).as("descriptor set built by this module").isNotNull();
            set = FileDescriptorSet.parseFrom(in, registry);
        }
        List<String> rpcs = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (FileDescriptorProto file : set.getFileList()) {
            if (!file.getPackage().startsWith("bilan.")) {
                continue;
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    String name = file.getPackage() + "." + service.getName() + "/" + method.getName();
                    rpcs.add(name);
                    var roles = method.getOptions().getExtension(AccessProto.access).getRolesList();
                    if (roles.isEmpty() || roles.contains(Role.ROLE_UNSPECIFIED)) {
                        undeclared.add(name);
                    }
                }
            }
        }
        assertThat(rpcs).isNotEmpty();
        assertThat(undeclared).as("RPCs without (bilan.auth.v1.access) roles").isEmpty();
    }

    @Test
    void namesRolesAsKeycloakDoes() {
        assertThat(AccessRules.realmRole(Role.CENTRE_MANAGER)).isEqualTo("centre-manager");
        assertThat(AccessRules.realmRole(Role.NETWORK_ADMIN)).isEqualTo("network-admin");
        assertThat(AccessRules.realmRole(Role.BENEFICIARY)).isEqualTo("beneficiary");
        assertThat(AccessRules.realmRole(Role.PLATFORM_SERVICE)).isEqualTo("platform-service");
    }

    @Test
    void everyRoleIsARealmRoleOfTheRealmFile() throws Exception {
        // a role the realm lacks would let nobody call the RPCs that name it
        List<String> realmRoles = JsonPath.read(REALM_FILE.toFile(), "$.roles.realm[*].name");
        List<String> contractRoles = Arrays.stream(Role.values())
                .filter(role -> role != Role.ROLE_UNSPECIFIED && role != Role.UNRECOGNIZED)
                .map(AccessRules::realmRole)
                .toList();

        assertThat(realmRoles).containsAll(contractRoles);
    }
}
