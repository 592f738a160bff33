package fr.bilan.support.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service's real executable jar, run in its own JVM as in production, for end-to-end tests
 * (the gateway's, and the integration suite against real servers). Its output goes to
 * {@code target/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the jar named by system property {@code <name>.jar}, as an image runs it, and waits until it is ready. */
    public static ServiceProcess start(String name, int httpPort, String... arguments) throws Exception {
        return start(name, httpPort, List.of("-jar", jar(name)), List.of(arguments));
    }

    /**
     * Starts the jar named by system property {@code <name>.jar} on the embedded stand-ins, as
     * {@code ./bilan up} runs it: the stand-ins (system property {@code embedded-stores.path}, a
     * comma-separated loader path) added by Spring Boot's PropertiesLauncher, and the opt-in.
     */
    public static ServiceProcess startOnEmbeddedStores(String name, int httpPort, String... arguments) throws Exception {
        String standIns = System.getProperty("embedded-stores.path");
        if (standIns == null || Arrays.stream(standIns.split(",")).anyMatch(path -> !Files.exists(Path.of(path)))) {
            throw new IllegalStateException("No embedded stand-ins at " + standIns
                    + ": package module embedded-stores first (./mvnw verify, or -am)");
        }
        List<String> all = new ArrayList<>(List.of("--bilan.embedded.enabled=true"));
        all.addAll(List.of(arguments));
        return start(name, httpPort, List.of("-Dloader.path=" + standIns, "-cp", jar(name),
                "org.springframework.boot.loader.launch.PropertiesLauncher"), all);
    }

    private static String jar(String name) {
        String jar = System.getProperty(name + ".jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No executable jar for " + name + " at " + jar
                    + ": build the modules it comes from first (./mvnw verify, or -am)");
        }
        return jar;
    }

    private static ServiceProcess start(String name, int httpPort, List<String> launch, List<String> arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC"));
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + httpPort, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Path log = Path.of("target", name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, log);
        service.awaitReady(httpPort);
        return service;
    }

    private void awaitReady(int httpPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Service exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("Service not ready after " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
