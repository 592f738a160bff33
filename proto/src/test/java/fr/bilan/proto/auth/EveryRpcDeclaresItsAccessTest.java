package fr.bilan.proto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.ExtensionRegistry;

import fr.bilan.proto.auth.v1.AccessProto;
import fr.bilan.proto.auth.v1.Role;

/** Deny by default is only safe if nobody forgets: every RPC of the platform names its roles. */
class EveryRpcDeclaresItsAccessTest {

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
    }
}
