package fr.bilan.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;

import fr.bilan.proto.auth.v1.AccessProto;
import fr.bilan.proto.auth.v1.AccessRule;
import fr.bilan.proto.auth.v1.Role;

/**
 * Service-to-service RPCs live in internal packages ({@code bilan.<domain>.internal.v1}) and admit
 * platform services' own tokens, which skip centre scoping: the gateway must never route one, even
 * if a {@code google.api.http} rule is added to it by mistake.
 */
class InternalPackagesTest {

    private static final String PACKAGE = "bilan.testing.internal.v1";

    @Test
    void theContractsHoldInternalServicesAndNoneOfTheirRpcsIsRouted() {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);

        assertThat(descriptors.services()).filteredOn(HttpBindings::isInternal).extracting(service -> service.getFullName())
                .contains("bilan.retention.internal.v1.RetentionService",
                        "bilan.retention.internal.v1.DocumentHolderService",
                        "bilan.synthesis.internal.v1.DocumentRenderingService",
                        "bilan.session.internal.v1.AssessmentService",
                        "bilan.beneficiary.internal.v1.ConsentCheckService");
        assertThat(HttpBindings.from(descriptors).all()).isNotEmpty()
                .noneMatch(binding -> HttpBindings.isInternal(binding.method().getService()));
    }

    @Test
    void anInternalRpcWithAnHttpRuleStopsTheGatewayAtStart(@TempDir Path classPath) throws Exception {
        HttpRule published = HttpRule.newBuilder().setPost("/api/v1/everything:erase").setBody("*").build();

        try (URLClassLoader loader = withContractsAnd(classPath, internalFile(published))) {
            ApiDescriptors descriptors = ApiDescriptors.load(loader, ApiDescriptors.DEFAULT_LOCATION);

            assertThatThrownBy(() -> HttpBindings.from(descriptors)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(PACKAGE + ".EraseService.EraseEverything is a service-to-service RPC "
                            + "(package " + PACKAGE + ") yet declares a google.api.http rule")
                    .hasMessageContaining("the gateway never publishes an internal package");
        }
    }

    @Test
    void anInternalRpcWithoutHttpRuleIsLoadedAndNotRouted(@TempDir Path classPath) throws Exception {
        try (URLClassLoader loader = withContractsAnd(classPath, internalFile(null))) {
            ApiDescriptors descriptors = ApiDescriptors.load(loader, ApiDescriptors.DEFAULT_LOCATION);

            assertThat(descriptors.services()).extracting(service -> service.getFullName())
                    .contains(PACKAGE + ".EraseService");
            assertThat(HttpBindings.from(descriptors).all())
                    .noneMatch(binding -> binding.method().getFullName().startsWith(PACKAGE));
        }
    }

    /** An internal contract with one RPC, published by {@code http} when given. */
    private static FileDescriptorProto internalFile(HttpRule http) {
        MethodOptions.Builder options = MethodOptions.newBuilder()
                .setExtension(AccessProto.access, AccessRule.newBuilder().addRoles(Role.PLATFORM_SERVICE).build());
        if (http != null) {
            options.setExtension(AnnotationsProto.http, http);
        }
        return FileDescriptorProto.newBuilder()
                .setName("bilan/testing/internal/v1/erase_service.proto")
                .setPackage(PACKAGE)
                .setSyntax("proto3")
                .addDependency("bilan/auth/v1/access.proto")
                .addDependency("google/api/annotations.proto")
                .addMessageType(DescriptorProto.newBuilder().setName("EraseEverythingRequest"))
                .addMessageType(DescriptorProto.newBuilder().setName("EraseEverythingResponse"))
                .addService(ServiceDescriptorProto.newBuilder().setName("EraseService")
                        .addMethod(MethodDescriptorProto.newBuilder().setName("EraseEverything")
                                .setInputType("." + PACKAGE + ".EraseEverythingRequest")
                                .setOutputType("." + PACKAGE + ".EraseEverythingResponse")
                                .setOptions(options)))
                .build();
    }

    /**
     * The platform's descriptor set and, at the same location, one holding {@code file}: the gateway
     * reads every set it finds there, as when a module adds contracts of its own.
     */
    private static URLClassLoader withContractsAnd(Path classPath, FileDescriptorProto file) throws Exception {
        Path set = classPath.resolve(ApiDescriptors.DEFAULT_LOCATION);
        Files.createDirectories(set.getParent());
        Files.write(set, FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
        return new URLClassLoader(new URL[] {classPath.toUri().toURL()}, InternalPackagesTest.class.getClassLoader());
    }
}
