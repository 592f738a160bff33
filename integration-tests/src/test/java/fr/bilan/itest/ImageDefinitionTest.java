package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile against the jars it packs, without Docker: docker/check-images.sh extracts each
 * module's executable jar as the Dockerfile does and checks the layers it copies and the entry point
 * it starts. Needs the packaged jars: {@code ./mvnw verify} has them by the time this module runs.
 */
class ImageDefinitionTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> IMAGES = List.of("gateway", "beneficiary-service", "session-service",
            "synthesis-service", "retention-service", "notification-service", "quality-service");

    @Test
    void everyModulesJarHasWhatItsImageCopiesAndStarts() throws Exception {
        assumeTrue(IMAGES.stream().allMatch(ImageDefinitionTest::packaged), "the executable jars are packaged (mvn package)");

        Process check = new ProcessBuilder("bash", ROOT.resolve("docker/check-images.sh").toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(5, TimeUnit.MINUTES)).as("check-images.sh ends").isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        for (String image : IMAGES) {
            assertThat(output).as(output).contains("ok  " + image + ": dependencies,spring-boot-loader,snapshot-dependencies,application");
        }
    }

    private static boolean packaged(String module) {
        try (var files = Files.list(ROOT.resolve(module).resolve("target"))) {
            return files.anyMatch(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
