package fr.bilan.proto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions.IdempotencyLevel;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.ExtensionRegistry;
import com.jayway.jsonpath.JsonPath;

import fr.bilan.proto.auth.v1.AccessProto;
import fr.bilan.proto.auth.v1.AccessRule;
import fr.bilan.proto.auth.v1.Role;

/** Deny by default is only safe if nobody forgets: every RPC of the platform names its roles. */
class EveryRpcDeclaresItsAccessTest {

    /** The realm Keycloak imports (tests run in the module's folder). */
    private static final Path REALM_FILE = Path.of("..", "helm", "bilan", "files", "keycloak", "bilan-realm.json");

    /**
     * Every RPC names real roles, or declares {@code public_with_secret_path} and then looks like
     * what that promises: no role besides, a read without side effects bound to an HTTP GET whose
     * path carries the secret as a variable.
     */
    @Test
    void everyRpcNamesAtLeastOneRealRoleOrIsAPublicReadBySecretPath() throws Exception {
        List<String> rpcs = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        List<String> badlyPublic = new ArrayList<>();
        for (FileDescriptorProto file : descriptorSet().getFileList()) {
            if (!file.getPackage().startsWith("bilan.")) {
                continue;
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    String name = file.getPackage() + "." + service.getName() + "/" + method.getName();
                    rpcs.add(name);
                    AccessRule rule = method.getOptions().getExtension(AccessProto.access);
                    if (rule.getPublicWithSecretPath()) {
                        if (!(isReadBySecretPath(method) || isFormPostBySecretPath(method, file))
                                || rule.getRolesCount() > 0) {
                            badlyPublic.add(name);
                        }
                    } else if (rule.getRolesList().isEmpty() || rule.getRolesList().contains(Role.ROLE_UNSPECIFIED)) {
                        undeclared.add(name);
                    }
                }
            }
        }
        assertThat(rpcs).isNotEmpty();
        assertThat(undeclared).as("RPCs without (bilan.auth.v1.access) roles").isEmpty();
        assertThat(badlyPublic).as("public_with_secret_path RPCs that name roles too, or are not a GET by a "
                + "path variable without side effects, nor a form posted to one").isEmpty();
    }

    /**
     * A platform service's own token skips centre scoping: no RPC the gateway publishes may admit it,
     * and the RPCs of an internal package ({@code bilan.<domain>.internal.v1}) are never published.
     */
    @Test
    void noPublishedRpcAdmitsPlatformServicesAndNoInternalRpcIsPublished() throws Exception {
        List<String> publishedForServices = new ArrayList<>();
        List<String> internalPublished = new ArrayList<>();
        int internal = 0;
        for (FileDescriptorProto file : descriptorSet().getFileList()) {
            if (!file.getPackage().startsWith("bilan.")) {
                continue;
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    String name = file.getPackage() + "." + service.getName() + "/" + method.getName();
                    boolean published = method.getOptions().hasExtension(AnnotationsProto.http);
                    if (published && method.getOptions().getExtension(AccessProto.access).getRolesList()
                            .contains(Role.PLATFORM_SERVICE)) {
                        publishedForServices.add(name);
                    }
                    if (file.getPackage().contains(".internal.")) {
                        internal++;
                        if (published) {
                            internalPublished.add(name);
                        }
                    }
                }
            }
        }
        assertThat(internal).as("internal RPCs seen").isPositive();
        assertThat(publishedForServices).as("published RPCs admitting PLATFORM_SERVICE").isEmpty();
        assertThat(internalPublished).as("internal RPCs with a google.api.http rule").isEmpty();
    }

    /**
     * Whom an RPC serves is written in its package: an RPC no person calls (no {@code google.api.http}
     * rule, or one only platform services may call) lives in an internal package
     * ({@code bilan.<domain>.internal.v1}) and admits platform services alone, so that a public
     * package holds only what the gateway publishes.
     */
    @Test
    void everyServiceToServiceRpcIsInAnInternalPackageAndAdmitsOnlyPlatformServices() throws Exception {
        List<String> unpublishedInPublicPackages = new ArrayList<>();
        List<String> internalForPeople = new ArrayList<>();
        for (FileDescriptorProto file : descriptorSet().getFileList()) {
            if (!file.getPackage().startsWith("bilan.")) {
                continue;
            }
            boolean internal = file.getPackage().matches("bilan\\.[a-z][a-z0-9_]*\\.internal\\.v[0-9]+");
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    String name = file.getPackage() + "." + service.getName() + "/" + method.getName();
                    List<Role> roles = method.getOptions().getExtension(AccessProto.access).getRolesList();
                    boolean serviceToService = !method.getOptions().hasExtension(AnnotationsProto.http)
                            || roles.equals(List.of(Role.PLATFORM_SERVICE));
                    if (serviceToService && !internal) {
                        unpublishedInPublicPackages.add(name);
                    }
                    if (internal && !roles.equals(List.of(Role.PLATFORM_SERVICE))) {
                        internalForPeople.add(name);
                    }
                }
            }
        }
        assertThat(unpublishedInPublicPackages)
                .as("service-to-service RPCs outside a bilan.<domain>.internal.v1 package").isEmpty();
        assertThat(internalForPeople).as("internal RPCs admitting anyone but PLATFORM_SERVICE").isEmpty();
    }

    private static boolean isReadBySecretPath(MethodDescriptorProto method) {
        HttpRule http = method.getOptions().getExtension(AnnotationsProto.http);
        return http.getGet().contains("{") && http.getAdditionalBindingsCount() == 0
                && method.getOptions().getIdempotencyLevel() == IdempotencyLevel.NO_SIDE_EFFECTS;
    }

    /**
     * A page's form posted by a browser to the page's own secret path (a survey's answers): a POST by a
     * path variable whose body is one field, a {@code google.api.HttpBody} the service parses.
     */
    private static boolean isFormPostBySecretPath(MethodDescriptorProto method, FileDescriptorProto file) {
        HttpRule http = method.getOptions().getExtension(AnnotationsProto.http);
        if (!http.getPost().contains("{") || http.getAdditionalBindingsCount() > 0 || http.getBody().isEmpty()
                || http.getBody().equals("*")) {
            return false;
        }
        String input = method.getInputType().substring(method.getInputType().lastIndexOf('.') + 1);
        return file.getMessageTypeList().stream().filter(message -> message.getName().equals(input))
                .flatMap(message -> message.getFieldList().stream())
                .anyMatch(field -> field.getName().equals(http.getBody())
                        && field.getTypeName().equals(".google.api.HttpBody"));
    }

    private FileDescriptorSet descriptorSet() throws Exception {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        AccessProto.registerAllExtensions(registry);
        AnnotationsProto.registerAllExtensions(registry);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/bilan/descriptors.pb")) {
            assertThat(in).as("descriptor set built by this module").isNotNull();
            return FileDescriptorSet.parseFrom(in, registry);
        }
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
