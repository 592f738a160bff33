package fr.bilan.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The call topology, helm/bilan/files/topology.yaml: its one source, which the chart and the launcher
 * read too. Per component: the gRPC channel callers name it by, its ports, and the services it calls.
 * Read from a module's directory (the tests' working directory), as {@link ChartQueries} reads the chart.
 */
public final class Topology {

    /** The file, from a module's directory. */
    public static final Path FILE = Path.of("..", "helm", "bilan", "files", "topology.yaml");

    private final Map<String, Map<String, Object>> components;

    private Topology(Map<String, Map<String, Object>> components) {
        // in the file's order
        this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** The repository's topology. */
    @SuppressWarnings("unchecked")
    public static Topology read() {
        try (InputStream in = Files.newInputStream(FILE)) {
            Map<String, Object> file = new Yaml().load(in);
            return new Topology((Map<String, Map<String, Object>>) file.get("services"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topology " + FILE.toAbsolutePath(), e);
        }
    }

    /** Every component (the gateway and the services). */
    public List<String> components() {
        return List.copyOf(components.keySet());
    }

    /** The services, those with a gRPC server, in the file's order (the launcher's start order). */
    public List<String> services() {
        return components.entrySet().stream().filter(e -> e.getValue().containsKey("grpcPort")).map(Map.Entry::getKey)
                .toList();
    }

    /** The gRPC channel callers reach {@code service} by ({@code spring.grpc.client.channel.<channel>}). */
    public String channel(String service) {
        return (String) component(service).get("channel");
    }

    public int grpcPort(String service) {
        return (Integer) component(service).get("grpcPort");
    }

    public int httpPort(String component) {
        return (Integer) component(component).get("httpPort");
    }

    /** The gateway's actuator port. */
    public int managementPort(String component) {
        return (Integer) component(component).get("managementPort");
    }

    /** The services {@code component} calls, in the topology's order. */
    @SuppressWarnings("unchecked")
    public List<String> calls(String component) {
        return List.copyOf((List<String>) component(component).getOrDefault("calls", List.of()));
    }

    private Map<String, Object> component(String name) {
        Map<String, Object> component = components.get(name);
        if (component == null) {
            throw new IllegalArgumentException("no component " + name + " in " + FILE);
        }
        return component;
    }
}
