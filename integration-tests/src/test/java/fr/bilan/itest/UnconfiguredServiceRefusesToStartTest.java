package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service's packaged jar started as an image starts it, with nothing configured (an empty
 * environment, no argument): it must not fall back to a store of its own in the pod, but exit at once
 * naming the setting it needs. No Docker: the jar runs in a JVM of its own. Needs the packaged jars,
 * which {@code ./mvnw verify} has by the time this module runs.
 */
class UnconfiguredServiceRefusesToStartTest {

    private static final Duration EXIT_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path workingDir;

    @ParameterizedTest
    @ValueSource(strings = {"beneficiary-service", "session-service", "synthesis-service", "retention-service",
        "notification-service", "quality-service"})
    void exitsNamingTheStoreSettingItNeeds(String service) throws Exception {
        Path jar = Path.of(System.getProperty(service + ".jar"));
        assumeTrue(Files.isRegularFile(jar), "the executable jar is packaged (mvn package): " + jar);
        Path log = Path.of("target", service + "-unconfigured.log").toAbsolutePath();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", jar.toString())
                .directory(workingDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        long started = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!exited) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(exited).as("%s exits within %s, output:%n%s", service, EXIT_WITHIN, output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).as(output).contains("APPLICATION FAILED TO START",
                "spring.mongodb.uri (environment variable SPRING_MONGODB_URI)");
        if (service.equals("synthesis-service")) {
            assertThat(output).contains("bilan.storage.s3.endpoint (environment variable BILAN_STORAGE_S3_ENDPOINT)");
        }
        // a refusal to read, not a stack trace to decipher; and nothing written where a pod keeps nothing
        assertThat(output).doesNotContain("\tat ");
        try (var files = Files.list(workingDir)) {
            assertThat(files).as("files the service left in its working folder").isEmpty();
        }
        System.out.printf("%s refused to start after %d ms%n", service, millis);
    }
}
