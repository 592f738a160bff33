package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path template of {@code google.api.http}, parsed once and matched against request paths:
 * literals, {@code *}, {@code **}, variables ({@code {id}}, {@code {parent=centres/*}},
 * {@code {name=files/**}}) and a custom verb ({@code :cancel}).
 *
 * <pre>
 * Template = "/" Segments [ Verb ] ;
 * Segments = Segment { "/" Segment } ;
 * Segment  = "*" | "**" | LITERAL | Variable ;
 * Variable = "{" FieldPath [ "=" Segments ] "}" ;
 * Verb     = ":" LITERAL ;
 * </pre>
 */
public final class PathTemplate {

    private sealed interface Segment permits Literal, AnySegment, AnyPath {
    }

    private record Literal(String text) implements Segment {
    }

    private record AnySegment() implements Segment {
    }

    private record AnyPath() implements Segment {
    }

    /** A variable bound to the template segments [start, end). */
    private record Variable(String fieldPath, int start, int end) {
    }

    private final String template;
    private final List<Segment> segments;
    private final List<Variable> variables;
    private final String verb;
    private final int deepWildcard;

    private PathTemplate(String template, List<Segment> segments, List<Variable> variables, String verb) {
        this.template = template;
        this.segments = List.copyOf(segments);
        this.variables = List.copyOf(variables);
        this.verb = verb;
        int deep = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) instanceof AnyPath) {
                if (deep >= 0) {
                    throw new IllegalArgumentException("At most one '**' in path template " + template);
                }
                deep = i;
            }
        }
        this.deepWildcard = deep;
    }

    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("A path template starts with '/': " + template);
        }
        String body = template.substring(1);
        String verb = null;
        int lastSlash = body.lastIndexOf('/');
        int colon = body.indexOf(':', Math.max(lastSlash, body.lastIndexOf('}')) + 1);
        if (colon >= 0) {
            verb = body.substring(colon + 1);
            body = body.substring(0, colon);
            if (verb.isEmpty()) {
                throw new IllegalArgumentException("Empty custom verb in path template " + template);
            }
        }
        List<Segment> segments = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        int i = 0;
        while (true) {
            if (body.startsWith("{", i)) {
                int close = body.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed variable in path template " + template);
                }
                String inside = body.substring(i + 1, close);
                int eq = inside.indexOf('=');
                String field = eq < 0 ? inside : inside.substring(0, eq);
                if (!field.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                    throw new IllegalArgumentException("Bad field path '" + field + "' in path template " + template);
                }
                int start = segments.size();
                if (eq < 0) {
                    segments.add(new AnySegment());
                } else {
                    for (String part : inside.substring(eq + 1).split("/", -1)) {
                        segments.add(segment(part, template));
                    }
                }
                variables.add(new Variable(field, start, segments.size()));
                i = close + 1;
            } else {
                int slash = body.indexOf('/', i);
                int end = slash < 0 ? body.length() : slash;
                segments.add(segment(body.substring(i, end), template));
                i = end;
            }
            if (i == body.length()) {
                break;
            }
            if (body.charAt(i) != '/') {
                throw new IllegalArgumentException("Unexpected '" + body.charAt(i) + "' in path template " + template);
            }
            i++;
        }
        return new PathTemplate(template, segments, variables, verb);
    }

    private static Segment segment(String part, String template) {
        return switch (part) {
            case "*" -> new AnySegment();
            case "**" -> new AnyPath();
            case "" -> throw new IllegalArgumentException("Empty segment in path template " + template);
            default -> {
                if (part.contains("{") || part.contains("}") || part.contains(":")) {
                    throw new IllegalArgumentException("Bad segment '" + part + "' in path template " + template);
                }
                yield new Literal(part);
            }
        };
    }

    /**
     * Matches a raw (still percent-encoded) request path. Returns the variables by field path,
     * decoded as strict UTF-8 ({@link RequestText#percentDecode}); a multi-segment variable keeps
     * its slashes.
     */
    public Optional<Map<String, String>> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String body = rawPath.substring(1);
        if (verb != null) {
            if (!body.endsWith(":" + verb)) {
                return Optional.empty();
            }
            body = body.substring(0, body.length() - verb.length() - 1);
        }
        String[] parts = body.split("/", -1);
        int n = segments.size();
        int m = parts.length;
        if (deepWildcard < 0 ? m != n : m < n - 1) {
            return Optional.empty();
        }
        int shift = m - n;
        for (int t = 0; t < n; t++) {
            Segment segment = segments.get(t);
            if (segment instanceof AnyPath) {
                continue;
            }
            int p = deepWildcard >= 0 && t > deepWildcard ? t + shift : t;
            String part = parts[p];
            if (part.isEmpty()) {
                return Optional.empty();
            }
            if (segment instanceof Literal literal && !literal.text().equals(decode(part))) {
                return Optional.empty();
            }
        }
        if (deepWildcard >= 0) {
            for (int p = deepWildcard; p < deepWildcard + shift + 1; p++) {
                if (parts[p].isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable variable : variables) {
            int from = pathIndex(variable.start(), shift);
            int to = pathIndex(variable.end(), shift);
            List<String> decoded = new ArrayList<>();
            for (int p = from; p < to; p++) {
                decoded.add(decode(parts[p]));
            }
            values.put(variable.fieldPath(), String.join("/", decoded));
        }
        return Optional.of(values);
    }

    /** Where a template boundary falls in the request path, once '**' has taken its share. */
    private int pathIndex(int templateIndex, int shift) {
        return deepWildcard >= 0 && templateIndex > deepWildcard ? templateIndex + shift : templateIndex;
    }

    /** Strict UTF-8: bytes that are no UTF-8 become a mark the value check names (RequestText). */
    private static String decode(String part) {
        return RequestText.percentDecode(part, false);
    }

    /** A concrete path this template matches, with {@code example} in every wildcard. */
    public String example() {
        StringBuilder path = new StringBuilder();
        for (Segment segment : segments) {
            path.append('/').append(segment instanceof Literal literal ? literal.text() : "example");
        }
        return verb == null ? path.toString() : path + ":" + verb;
    }

    /** Field paths bound by this template, in order. */
    public List<String> fieldPaths() {
        return variables.stream().map(Variable::fieldPath).toList();
    }

    /** More literal segments first, so {@code /a/b} wins over {@code /a/{x}}. */
    /** The custom method's verb ({@code cancel} for {@code :cancel}), {@code null} for a standard method. */
    public String verb() {
        return verb;
    }

    public int literalCount() {
        return (int) segments.stream().filter(Literal.class::isInstance).count() + (verb != null ? 1 : 0);
    }

    @Override
    public String toString() {
        return template;
    }
}
