package fr.bilan.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The values table of helm/bilan/README.md is generated from the {@code @param} lines of values.yaml:
 * run with {@code -Dbilan.helm.writeReadme=true} to regenerate it; otherwise the test fails when it drifts.
 */
class ValuesDocumentationTest {

    static final Pattern PARAM = Pattern.compile("^## @param (\\S+) (.+)$");
    static final Pattern SECTION = Pattern.compile("^## @section (.+)$");
    static final String START = "<!-- values-table:start -->";
    static final String END = "<!-- values-table:end -->";

    @Test
    void everyParamNamesAValueAndEveryValueIsDocumented() throws IOException {
        Map<String, Object> values = Chart.readYaml(Chart.DIR.resolve("values.yaml"));
        List<String> params = params().stream().filter(p -> p[0].equals("param")).map(p -> p[1]).toList();
        assertThat(params).doesNotHaveDuplicates().isNotEmpty();
        for (String param : params) {
            assertThat(lookup(values, param)).as("@param %s names no value of values.yaml", param).isNotEqualTo(MISSING);
        }
        List<String> leaves = new ArrayList<>();
        leaves("", values, leaves);
        for (String leaf : leaves) {
            assertThat(params).as("value %s has no @param (nor has a parent)", leaf)
                    .anyMatch(p -> leaf.equals(p) || leaf.startsWith(p + "."));
        }
    }

    @Test
    void theReadmeTableIsInSyncWithValuesYaml() throws IOException {
        Path readme = Chart.DIR.resolve("README.md");
        String text = Files.readString(readme);
        String table = table();
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String generated = text.substring(0, start + START.length()) + "\n" + table + text.substring(end);
        if (Boolean.getBoolean("bilan.helm.writeReadme")) {
            Files.writeString(readme, generated);
        }
        assertThat(text).as("helm/bilan/README.md is out of date: run ./mvnw -o -q test -pl helm "
                + "-Dtest=ValuesDocumentationTest -Dbilan.helm.writeReadme=true").isEqualTo(generated);
    }

    static String table() throws IOException {
        Map<String, Object> values = Chart.readYaml(Chart.DIR.resolve("values.yaml"));
        StringBuilder out = new StringBuilder();
        for (String[] line : params()) {
            if (line[0].equals("section")) {
                out.append("\n### ").append(line[1]).append("\n\n| Key | Description | Default |\n|---|---|---|\n");
            } else {
                out.append("| `").append(line[1]).append("` | ").append(line[2].replace("|", "\\|")).append(" | `")
                        .append(render(lookup(values, line[1]))).append("` |\n");
            }
        }
        return out.toString();
    }

    /** Lines of values.yaml: {"section", title} or {"param", key, description}. */
    static List<String[]> params() throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Chart.DIR.resolve("values.yaml"))) {
            Matcher section = SECTION.matcher(line);
            Matcher param = PARAM.matcher(line);
            if (section.matches()) {
                lines.add(new String[] {"section", section.group(1)});
            } else if (param.matches()) {
                lines.add(new String[] {"param", param.group(1), param.group(2)});
            }
        }
        return lines;
    }

    static final Object MISSING = new Object();

    @SuppressWarnings("unchecked")
    static Object lookup(Map<String, Object> values, String key) {
        Object current = values;
        for (String part : key.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return MISSING;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static void leaves(String prefix, Map<String, Object> map, List<String> out) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                leaves(path, (Map<String, Object>) child, out);
            } else {
                out.add(path);
            }
        });
    }

    static String render(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return String.valueOf(value).replace("=", ": ").replace("|", "\\|");
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
