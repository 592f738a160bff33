package fr.bilan.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The chart under test: renders and lints it offline with the Helm bundled in helm-java. */
final class Chart {

    static final Path DIR = Paths.get(System.getProperty("bilan.chart.dir", "bilan")).toAbsolutePath();
    static final String RELEASE = "bilan";
    static final String NAMESPACE = "bilan-prod";

    private Chart() {
    }

    static Path ciValues(String name) {
        return DIR.resolve("ci").resolve(name);
    }

    static List<String> ciValueFiles() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** helm template with a ci values file and extra --set pairs. */
    static String template(String valuesFile, Map<String, Object> sets) {
        TemplateCommand command = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion("1.31.0")
                .withValuesFile(ciValues(valuesFile));
        sets.forEach(command::set);
        return command.call();
    }

    /** What hook annotations ({@code helm.sh/hook…}) are renamed to by {@link #templateWithHooks}. */
    static final String HOOK = "test.bilan.fr/hook";

    /**
     * helm template, hooks included: helm-java's template leaves hook objects out of its output (as
     * an install keeps them apart from the manifest), so a copy of the chart, its hook annotations
     * renamed to {@link #HOOK}…, renders them as plain objects.
     */
    static String templateWithHooks(String valuesFile, Map<String, Object> sets) {
        Path copy = copyChart();
        try (Stream<Path> templates = Files.walk(copy.resolve("templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                write(template, Files.readString(template).replace("helm.sh/hook", HOOK));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TemplateCommand command = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion("1.31.0")
                .withValuesFile(ciValues(valuesFile));
        sets.forEach(command::set);
        return command.call();
    }

    /** The helm test's resources (hook {@code test}), which helm template leaves out here. */
    static List<HasMetadata> hooks(String valuesFile, Map<String, Object> sets) {
        return parse(templateWithHooks(valuesFile, sets)).stream().filter(o -> o.getMetadata().getAnnotations() != null
                && "test".equals(o.getMetadata().getAnnotations().get(HOOK))).toList();
    }

    static List<HasMetadata> render(String valuesFile) {
        return parse(template(valuesFile, Map.of()));
    }

    /** Every document of a helm template output, as typed objects (custom kinds as generic ones). */
    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            String body = document.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
            if (body.isBlank()) {
                continue;
            }
            objects.add(Serialization.unmarshal(body, HasMetadata.class));
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The environment of a component's container, by name. */
    static Map<String, EnvVar> env(List<HasMetadata> objects, String component) {
        Deployment deployment = ofKind(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(RELEASE + "-" + component)).findFirst().orElseThrow();
        return MongoDbPerServiceTest.env(deployment);
    }

    /** The names of the environment variables of every component but {@code component}, by component. */
    static Map<String, java.util.Set<String>> otherComponentsEnv(List<HasMetadata> objects, String component) {
        Map<String, java.util.Set<String>> others = new java.util.TreeMap<>();
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            String other = RenderedManifestsTest.container(deployment).getName();
            if (!other.equals(component)) {
                others.put(other, env(objects, other).keySet());
            }
        }
        return others;
    }

    /** The plain values of an environment (those from a Secret left out). */
    static Map<String, String> values(Map<String, EnvVar> env) {
        Map<String, String> values = new java.util.HashMap<>();
        env.forEach((name, var) -> {
            if (var.getValue() != null) {
                values.put(name, var.getValue());
            }
        });
        return values;
    }

    /**
     * helm lint --strict of the chart with a ci values file: helm-java's lint takes no values file,
     * so the chart is copied with that file merged into its values.yaml.
     */
    static LintResult lint(String valuesFile) {
        Path copy = copyChart();
        if (valuesFile != null) {
            Map<String, Object> merged = deepMerge(readYaml(DIR.resolve("values.yaml")), readYaml(ciValues(valuesFile)));
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            write(copy.resolve("values.yaml"), new Yaml(options).dump(merged));
        }
        return new Helm(copy).lint().strict().call();
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            Map<String, Object> map = new Yaml().load(Files.readString(file));
            return map == null ? new LinkedHashMap<>() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && result.get(key) instanceof Map<?, ?> existing) {
                result.put(key, deepMerge((Map<String, Object>) existing, (Map<String, Object>) map));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static Path copyChart() {
        try {
            Path target = Files.createTempDirectory("bilan-chart").resolve("bilan");
            try (Stream<Path> paths = Files.walk(DIR)) {
                for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
                    Path dest = target.resolve(DIR.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(source, dest);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
