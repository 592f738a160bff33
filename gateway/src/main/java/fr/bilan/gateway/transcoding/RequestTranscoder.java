package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;

import fr.bilan.gateway.problem.Problem.FieldError;
import fr.bilan.gateway.problem.ProblemKind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds an RPC's request message from an HTTP request, following the proto3 JSON mapping and the
 * {@code google.api.http} rules: the body fills the named field (or the whole message), path
 * variables and query parameters fill the fields they name. The body is read as strict UTF-8 and
 * parsed strictly (duplicate keys, trailing garbage), then every value is checked
 * ({@link JsonShape}) so that nothing ambiguous reaches the service and every refusal names its
 * field as the client spelled the request: a body field by its path in the body
 * ({@code givenName}, not {@code beneficiary.given_name}), a path variable or a query parameter by
 * its name.
 */
public final class RequestTranscoder {

    /** Message types a single query parameter or path variable can carry, as their proto3 JSON string form. */
    private static final Set<String> SCALAR_MESSAGES = Set.of(
            "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
            "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
            "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
            "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue");
    private static final Logger log = LoggerFactory.getLogger(RequestTranscoder.class);

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // numbers as written: 9007199254740993.0 is not rounded into another integer, 1e400 not into infinity
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final JsonFormat.Parser parser;

    public RequestTranscoder(TypeRegistry types) {
        this.parser = JsonFormat.parser().usingTypeRegistry(types);
    }

    /**
     * @param pathVariables the variables of the matched path, percent-decoded ({@link PathTemplate#match})
     * @param query         the query parameters, percent-decoded ({@link QueryParameters})
     * @param body          the request body, empty when there is none
     * @throws TranscodingException naming what is wrong
     */
    public DynamicMessage transcode(HttpBinding binding, Map<String, String> pathVariables,
            Map<String, List<String>> query, byte[] body) {
        return transcode(binding, pathVariables, query, body, null);
    }

    /**
     * @param contentType the request's {@code Content-Type}, which a {@linkplain HttpBinding#takesRawBody raw
     *                    body} keeps with its bytes; {@code null} when none was sent
     */
    public DynamicMessage transcode(HttpBinding binding, Map<String, String> pathVariables,
            Map<String, List<String>> query, byte[] body, String contentType) {
        if (binding.takesRawBody()) {
            DynamicMessage.Builder builder = fromJson(binding, pathVariables, query, new byte[0]).toBuilder();
            FieldDescriptor field = bodyField(binding);
            Descriptor httpBody = field.getMessageType();
            return builder.setField(field, DynamicMessage.newBuilder(httpBody)
                    .setField(httpBody.findFieldByName("content_type"), contentType == null ? "" : contentType)
                    .setField(httpBody.findFieldByName("data"), ByteString.copyFrom(body))
                    .build()).build();
        }
        return fromJson(binding, pathVariables, query, body);
    }

    private DynamicMessage fromJson(HttpBinding binding, Map<String, String> pathVariables,
            Map<String, List<String>> query, byte[] body) {
        Descriptor input = binding.method().getInputType();
        ObjectNode root = bodyTree(binding, body);
        List<FieldError> errors = new ArrayList<>();
        checkBody(binding, root, errors);
        deriveUpdateMask(binding, input, root, query);
        for (var variable : pathVariables.entrySet()) {
            bindPathVariable(binding, input, variable.getKey(), variable.getValue(), root, errors);
        }
        query.forEach((name, values) -> bindQuery(binding, input, name, values, root, errors));
        if (!errors.isEmpty()) {
            throw new TranscodingException(ProblemKind.INVALID_ARGUMENT,
                    "La requête contient " + errors.size() + " champ(s) invalide(s).", errors);
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(input);
        try {
            parser.merge(root.toString(), builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            // JsonShape checks what the parser refuses: getting here is a gap in those checks
            log.warn("{}: a request JsonShape took was refused by the JSON parser: {}", binding.method().getFullName(),
                    e.getMessage());
            throw TranscodingException.invalid("Une valeur de la requête ne peut pas être lue.");
        }
        return builder.build();
    }

    private ObjectNode bodyTree(HttpBinding binding, byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (binding.body() == null) {
            throw TranscodingException.invalid("Cette opération n'accepte pas de corps de requête.");
        }
        JsonNode parsed;
        try {
            // bytes that are no UTF-8 become a mark the value check names (RequestText), not Jackson's own guess
            parsed = STRICT_JSON.readTree(RequestText.decode(body));
        } catch (JacksonException e) {
            // limits (nesting depth, number or string length) carry no location
            throw TranscodingException.invalid("Le corps de la requête n'est pas un JSON valide" + (e.getLocation() == null
                    ? " ou dépasse les limites permises (profondeur, longueur)."
                    : " (ligne " + e.getLocation().getLineNr() + ", colonne " + e.getLocation().getColumnNr() + ")."));
        }
        if (binding.bodyIsWholeRequest()) {
            if (!(parsed instanceof ObjectNode object)) {
                throw TranscodingException.invalid("Le corps de la requête doit être un objet JSON.");
            }
            return object;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set(bodyField(binding).getJsonName(), parsed);
        return root;
    }

    /** The body's fields, named from the body itself: what the client wrote is the body, not the request. */
    private static void checkBody(HttpBinding binding, ObjectNode root, List<FieldError> errors) {
        if (binding.bodyIsWholeRequest()) {
            JsonShape.checkMessage(binding.method().getInputType(), root, "", errors);
            return;
        }
        JsonNode body = binding.body() == null ? null : root.get(bodyField(binding).getJsonName());
        if (body != null && !body.isNull()) {
            JsonShape.checkField(bodyField(binding), body, "", errors);
        }
    }

    private static FieldDescriptor bodyField(HttpBinding binding) {
        return binding.method().getInputType().findFieldByName(binding.body());
    }

    /**
     * A PATCH without {@code update_mask} changes the fields sent (AIP-134): the mask is the body's
     * fields, less the etag (a precondition, not a change) and the fields the path fills.
     */
    private static void deriveUpdateMask(HttpBinding binding, Descriptor input, ObjectNode root,
            Map<String, List<String>> query) {
        FieldDescriptor mask = input.findFieldByName("update_mask");
        if (!HttpMethod.PATCH.equals(binding.httpMethod()) || binding.body() == null || binding.bodyIsWholeRequest()
                || mask == null || mask.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                || !mask.getMessageType().getFullName().equals("google.protobuf.FieldMask")
                || query.containsKey(mask.getName()) || query.containsKey(mask.getJsonName())) {
            return;
        }
        FieldDescriptor resource = input.findFieldByName(binding.body());
        if (resource.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                || !(root.get(resource.getJsonName()) instanceof ObjectNode sent)) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (var property : sent.properties()) {
            FieldDescriptor field = FieldPaths.resolve(resource.getMessageType(), property.getKey())
                    .map(path -> path.get(0)).orElse(null);
            if (field != null && !field.getName().equals("etag") && !boundByPath(binding, List.of(resource, field))) {
                paths.add(field.getJsonName());
            }
        }
        root.put(mask.getJsonName(), String.join(",", paths));
    }

    /**
     * A path variable fills its field, named by the variable. The body may hold the same field only
     * with the same value: anything else would be dropped without a word, or would let the body say
     * one resource while the path says another.
     */
    private static void bindPathVariable(HttpBinding binding, Descriptor input, String variable, String value,
            ObjectNode root, List<FieldError> errors) {
        List<FieldDescriptor> path = FieldPaths.resolve(input, variable).orElseThrow();
        FieldDescriptor leaf = path.get(path.size() - 1);
        JsonNode sent = find(root, path);
        if (sent != null && !sent.isNull() && !(sent.isValueNode() && sent.asString().equals(value))) {
            String name = bodyName(binding, path);
            if (errors.stream().noneMatch(error -> error.field().equals(name))) {
                errors.add(new FieldError(name, "Ce champ est déjà donné par le chemin de la requête (« "
                        + abbreviate(value) + " ») : omettez-le dans le corps, ou donnez-y la même valeur."));
            }
        }
        JsonNode node = scalar(leaf, value);
        JsonShape.checkValue(leaf, node, variable, errors);
        put(root, path, node);
    }

    private void bindQuery(HttpBinding binding, Descriptor input, String name, List<String> values, ObjectNode root,
            List<FieldError> errors) {
        var resolved = FieldPaths.resolve(input, name);
        if (resolved.isEmpty()) {
            errors.add(new FieldError(RequestText.shown(name), "Paramètre inconnu."));
            return;
        }
        List<FieldDescriptor> path = resolved.get();
        String canonical = String.join(".", path.stream().map(FieldDescriptor::getJsonName).toList());
        FieldDescriptor first = path.get(0);
        FieldDescriptor leaf = path.get(path.size() - 1);
        if (binding.bodyIsWholeRequest() || first.getName().equals(binding.body())
                || boundByPath(binding, path)) {
            errors.add(new FieldError(canonical, "Ce champ ne peut pas être donné en paramètre de requête."));
            return;
        }
        if (leaf.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && !SCALAR_MESSAGES.contains(leaf.getMessageType().getFullName())) {
            errors.add(new FieldError(canonical, "Ce champ est un objet : il ne peut pas être donné en paramètre de requête."));
            return;
        }
        if (leaf.isRepeated()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (String value : values) {
                JsonNode node = scalar(leaf, value);
                JsonShape.checkValue(leaf, node, canonical, errors);
                array.add(node);
            }
            put(root, path, array);
        } else if (values.size() > 1) {
            errors.add(new FieldError(canonical, "Ce paramètre n'accepte qu'une seule valeur."));
        } else {
            JsonNode node = scalar(leaf, values.get(0));
            JsonShape.checkValue(leaf, node, canonical, errors);
            put(root, path, node);
        }
    }

    private static boolean boundByPath(HttpBinding binding, List<FieldDescriptor> path) {
        String dotted = String.join(".", path.stream().map(FieldDescriptor::getName).toList());
        return binding.path().fieldPaths().stream()
                .anyMatch(bound -> dotted.equals(bound) || dotted.startsWith(bound + ".") || bound.startsWith(dotted + "."));
    }

    /** A field of the request as the body names it: without the body field's own name when the body is one field. */
    private static String bodyName(HttpBinding binding, List<FieldDescriptor> path) {
        int from = binding.bodyIsWholeRequest() ? 0 : 1;
        return String.join(".", path.subList(from, path.size()).stream().map(FieldDescriptor::getJsonName).toList());
    }

    /** The node at a field path of the request, under either name of each field; {@code null} when absent. */
    private static JsonNode find(ObjectNode root, List<FieldDescriptor> path) {
        JsonNode current = root;
        for (FieldDescriptor field : path) {
            if (!(current instanceof ObjectNode object)) {
                return null;
            }
            JsonNode child = object.get(field.getJsonName());
            current = child != null ? child : object.get(field.getName());
        }
        return current;
    }

    /** A text value as the JSON the proto3 mapping expects for the field: strings, except booleans. */
    private static JsonNode scalar(FieldDescriptor field, String value) {
        boolean bool = field.getJavaType() == FieldDescriptor.JavaType.BOOLEAN
                || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        && field.getMessageType().getFullName().equals("google.protobuf.BoolValue");
        if (bool && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(value.equals("true"));
        }
        return JsonNodeFactory.instance.stringNode(value);
    }

    /** Puts a value at a field path, replacing whatever the body had there under either name. */
    private static void put(ObjectNode root, List<FieldDescriptor> path, JsonNode value) {
        ObjectNode current = root;
        for (int i = 0; i < path.size() - 1; i++) {
            FieldDescriptor field = path.get(i);
            JsonNode child = current.get(field.getJsonName());
            if (child == null) {
                child = current.get(field.getName());
            }
            ObjectNode object = child instanceof ObjectNode existing ? existing : JsonNodeFactory.instance.objectNode();
            current.remove(field.getName());
            current.set(field.getJsonName(), object);
            current = object;
        }
        FieldDescriptor leaf = path.get(path.size() - 1);
        current.remove(leaf.getName());
        current.set(leaf.getJsonName(), value);
    }

    private static String abbreviate(String text) {
        return RequestText.shown(text.length() > 100 ? text.substring(0, 100) + "…" : text);
    }
}
