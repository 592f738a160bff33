package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./bilan up} puts the stand-ins' libraries (embedded-stores/target/lib) on a service's loader
 * path, ahead of the libraries in its jar: a library both hold must be the same version in both, or
 * the service would run locally on another version than the one it ships with (the root pom's
 * dependency management aligns them). Needs the packaged jars, which {@code ./mvnw verify} has.
 */
class StandInLibrariesTest {

    @ParameterizedTest
    @ValueSource(strings = {"beneficiary-service", "session-service", "synthesis-service", "retention-service",
        "notification-service", "quality-service"})
    void aLibraryTheServiceAndTheStandInsBothHoldIsTheSameVersion(String service) throws Exception {
        Path jar = Path.of(System.getProperty(service + ".jar"));
        Path standIns = Path.of(System.getProperty("embedded-stores.lib"));
        assumeTrue(Files.isRegularFile(jar) && Files.isDirectory(standIns), "the jars are packaged (mvn package)");

        Map<String, String> shipped = new HashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> e.getName().startsWith("BOOT-INF/lib/")
                    && e.getName().endsWith(".jar")).toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    shipped.put(coordinates(in, entry.getName()), version(entry.getName()));
                }
            }
        }
        Map<String, String> added = new HashMap<>();
        try (Stream<Path> libraries = Files.list(standIns)) {
            for (Path library : libraries.toList()) {
                try (InputStream in = Files.newInputStream(library)) {
                    added.put(coordinates(in, library.getFileName().toString()), version(library.getFileName().toString()));
                }
            }
        }

        assertThat(shipped).as("the service's libraries are read").containsKey("com.google.guava:guava");
        List<String> differing = added.entrySet().stream().filter(a -> shipped.containsKey(a.getKey())
                && !shipped.get(a.getKey()).equals(a.getValue()))
                .map(a -> a.getKey() + ": " + shipped.get(a.getKey()) + " in the jar, " + a.getValue() + " in the stand-ins")
                .toList();
        assertThat(differing).isEmpty();
    }

    /** group:artifact from the library's Maven metadata, else its file name without the version. */
    private static String coordinates(InputStream jar, String path) throws IOException {
        try (JarInputStream in = new JarInputStream(jar)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    Properties pom = new Properties();
                    pom.load(in);
                    String fileName = path.substring(path.lastIndexOf('/') + 1);
                    // a shaded jar may hold the metadata of what it embeds: only its own counts
                    if (fileName.startsWith(pom.getProperty("artifactId") + "-")) {
                        return pom.getProperty("groupId") + ":" + pom.getProperty("artifactId");
                    }
                }
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return "file:" + name.substring(0, name.length() - version(path).length() - ".jar".length() - 1);
    }

    private static String version(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".jar".length());
        var matcher = java.util.regex.Pattern.compile("-(\\d.*)$").matcher(name);
        return matcher.find() ? matcher.group(1) : "";
    }
}
