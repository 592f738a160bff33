package fr.bilan.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.bilan.gateway.transcoding.ApiDescriptors;
import fr.bilan.gateway.transcoding.HttpBindings;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the gateway serves, as the committed {@code docs/openapi.json}: a change of
 * a contract's HTTP rule, roles or comments, or of how the gateway describes them, shows up here,
 * and a change meant to leave the API alone is proven to. The file is the served document in its
 * served order (Swagger UI lists operations in that order), pretty-printed with two spaces, UTF-8,
 * {@code \n} line ends and a trailing newline, with the local issuer {@code application.yaml}
 * declares. After a deliberate change of the API, rewrite it and review its diff:
 * {@code ./mvnw -B -ntp -o -pl gateway -am verify -Dtest=OpenApiGoldenFileTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true}.
 */
class OpenApiGoldenFileTest {

    /** From the gateway module's directory, where Maven runs its tests. */
    private static final Path GOLDEN = Path.of("..", "docs", "openapi.json");
    private static final String LOCAL_ISSUER = "http://localhost:8180/realms/bilan";
    private static final String UPDATE = "openapi.update";
    private static final int SHOWN = 8;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void servesTheCommittedDocument() throws IOException {
        ApiDescriptors descriptors = ApiDescriptors.load(getClass().getClassLoader(), ApiDescriptors.DEFAULT_LOCATION);
        String actual = canonical(OpenApiDocument.build(descriptors, HttpBindings.from(descriptors), LOCAL_ISSUER));
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(GOLDEN).as("docs/openapi.json (create it with -D" + UPDATE + "=true)").exists();
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            throw new AssertionError(differences(expected, actual));
        }
    }

    /** Two spaces, {@code "name": value}, one array element a line, {@code \n} whatever the system. */
    private static String canonical(JsonNode document) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return JSON.writer().with(printer).writeValueAsString(document) + "\n";
    }

    /** The first line that differs and the JSON paths that do, and how to accept the change. */
    private static String differences(String expected, String actual) {
        String[] was = expected.split("\n", -1);
        String[] now = actual.split("\n", -1);
        int line = 0;
        while (line < was.length && line < now.length && was[line].equals(now[line])) {
            line++;
        }
        Set<String> paths = new LinkedHashSet<>();
        diff("", JSON.readTree(expected), JSON.readTree(actual), paths);
        List<String> shown = new ArrayList<>(paths).subList(0, Math.min(SHOWN, paths.size()));
        return "The gateway's OpenAPI document differs from docs/openapi.json.\n"
                + "First difference, line " + (line + 1) + ":\n"
                + "  committed: " + (line < was.length ? was[line].strip() : "(end of file)") + "\n"
                + "  generated: " + (line < now.length ? now[line].strip() : "(end of file)") + "\n"
                + (paths.isEmpty() ? "Same content, in another order.\n"
                        : "Differing paths (" + paths.size() + "):\n  " + String.join("\n  ", shown)
                                + (paths.size() > SHOWN ? "\n  …" : "") + "\n")
                + "If the API is meant to change, rewrite the file and review its diff: ./mvnw -B -ntp -o -pl gateway "
                + "-am verify -Dtest=OpenApiGoldenFileTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";
    }

    /** Adds the JSON Pointer of each value that is added, removed or changed. */
    private static void diff(String pointer, JsonNode was, JsonNode now, Set<String> paths) {
        if (was.isObject() && now.isObject()) {
            Set<String> names = new LinkedHashSet<>(was.propertyNames());
            names.addAll(now.propertyNames());
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!was.has(name)) {
                    paths.add("added   " + child);
                } else if (!now.has(name)) {
                    paths.add("removed " + child);
                } else {
                    diff(child, was.get(name), now.get(name), paths);
                }
            }
        } else if (was.isArray() && now.isArray() && was.size() == now.size()) {
            for (int i = 0; i < was.size(); i++) {
                diff(pointer + "/" + i, was.get(i), now.get(i), paths);
            }
        } else if (!was.equals(now)) {
            paths.add("changed " + (pointer.isEmpty() ? "/" : pointer));
        }
    }
}
