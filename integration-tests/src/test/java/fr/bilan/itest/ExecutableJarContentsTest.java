package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an image is built from (docker/Dockerfile copies a module's executable jar) carries none of
 * the embedded stand-ins: neither module embedded-stores nor the MongoDB and S3 servers it brings.
 * Needs the packaged jars, which {@code ./mvnw verify} has by the time this module runs.
 */
class ExecutableJarContentsTest {

    /** Library jars (BOOT-INF/lib) of the stand-ins, by the start of their file names. */
    private static final List<String> STAND_INS = List.of("embedded-stores-", "mongo-java-server-", "h2-", "s3proxy-");

    @ParameterizedTest
    @ValueSource(strings = {"beneficiary-service", "session-service", "synthesis-service", "retention-service",
        "notification-service", "quality-service"})
    void theExecutableJarCarriesNoStandIn(String service) throws Exception {
        Path jar = Path.of(System.getProperty(service + ".jar"));
        assumeTrue(Files.isRegularFile(jar), "the executable jar is packaged (mvn package): " + jar);

        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = file.stream().map(ZipEntry::getName).toList();
            List<String> libraries = entries.stream().filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).filter(name -> !name.isEmpty()).toList();

            // the service's own libraries are where this test looks
            assertThat(libraries).anyMatch(name -> name.startsWith("service-support-"))
                    .anyMatch(name -> name.startsWith("mongodb-driver-sync-"));
            assertThat(libraries).noneMatch(name -> STAND_INS.stream().anyMatch(name::startsWith));
            assertThat(entries).noneMatch(name -> name.contains("fr/bilan/embedded/"));
        }
    }
}
