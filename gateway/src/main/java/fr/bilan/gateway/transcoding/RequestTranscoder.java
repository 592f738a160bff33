package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;

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
 * variables and query parameters fill the fields they name. The JSON is parsed strictly first
 * (duplicate keys, trailing garbage) so that nothing ambiguous reaches the service.
 */
public final class RequestTranscoder {

    /** Message types a single query parameter can carry, as their proto3 JSON string form. */
    private static final Set<String> SCALAR_MESSAGES = Set.of(
            "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
            "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
            "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
            "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Cannot find field: (\\S+) in message (\\S+)");

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonFormat.Parser parser;

    public RequestTranscoder(TypeRegistry types) {
        this.parser = JsonFormat.parser().usingTypeRegistry(types);
    }

    /**
     * @param body the request body, empty when there is none
     * @throws TranscodingException naming what is wrong
     */
    public DynamicMessage transcode(HttpBinding binding, Map<String, String> pathVariables,
            Map<String, List<String>> query, byte[] body) {
        Descriptor input = binding.method().getInputType();
        ObjectNode root = bodyTree(binding, body);
        deriveUpdateMask(binding, input, root, query);
        List<FieldError> errors = new ArrayList<>();
        for (var variable : pathVariables.entrySet()) {
            List<FieldDescriptor> path = FieldPaths.resolve(input, variable.getKey()).orElseThrow();
            put(root, path, scalar(path.get(path.size() - 1), variable.getValue(), variable.getKey(), errors));
        }
        JsonShape.checkMessage(input, root, "", errors);
        query.forEach((name, values) -> bindQuery(binding, input, name, values, root, errors));
        if (!errors.isEmpty()) {
            throw new TranscodingException(ProblemKind.INVALID_ARGUMENT,
                    "La requête contient " + errors.size() + " paramètre(s) invalide(s).", errors);
        }
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(input);
        try {
            parser.merge(root.toString(), builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw fromJsonFormat(e);
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
            parsed = STRICT_JSON.readTree(body);
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
        root.set(binding.method().getInputType().findFieldByName(binding.body()).getJsonName(), parsed);
        return root;
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

    private void bindQuery(HttpBinding binding, Descriptor input, String name, List<String> values, ObjectNode root,
            List<FieldError> errors) {
        var resolved = FieldPaths.resolve(input, name);
        if (resolved.isEmpty()) {
            errors.add(new FieldError(name, "Paramètre inconnu."));
            return;
        }
        List<FieldDescriptor> path = resolved.get();
        FieldDescriptor first = path.get(0);
        FieldDescriptor leaf = path.get(path.size() - 1);
        if (binding.bodyIsWholeRequest() || first.getName().equals(binding.body())
                || boundByPath(binding, path)) {
            errors.add(new FieldError(name, "Ce champ ne peut pas être donné en paramètre de requête."));
            return;
        }
        if (leaf.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && !SCALAR_MESSAGES.contains(leaf.getMessageType().getFullName())) {
            errors.add(new FieldError(name, "Ce champ est un objet : il ne peut pas être donné en paramètre de requête."));
            return;
        }
        if (leaf.isRepeated()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            values.forEach(value -> array.add(scalar(leaf, value, name, errors)));
            put(root, path, array);
        } else if (values.size() > 1) {
            errors.add(new FieldError(name, "Ce paramètre n'accepte qu'une seule valeur."));
        } else {
            put(root, path, scalar(leaf, values.get(0), name, errors));
        }
    }

    private static boolean boundByPath(HttpBinding binding, List<FieldDescriptor> path) {
        String dotted = String.join(".", path.stream().map(FieldDescriptor::getName).toList());
        return binding.path().fieldPaths().stream()
                .anyMatch(bound -> dotted.equals(bound) || dotted.startsWith(bound + ".") || bound.startsWith(dotted + "."));
    }

    /** A text value as the JSON the proto3 mapping expects for the field: strings, except booleans. */
    private static JsonNode scalar(FieldDescriptor field, String value, String name, List<FieldError> errors) {
        boolean bool = field.getJavaType() == FieldDescriptor.JavaType.BOOLEAN
                || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        && field.getMessageType().getFullName().equals("google.protobuf.BoolValue");
        if (!bool) {
            return JsonNodeFactory.instance.stringNode(value);
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, "Valeur attendue : true ou false."));
        }
        return JsonNodeFactory.instance.booleanNode(value.equals("true"));
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

    private static TranscodingException fromJsonFormat(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher unknown = UNKNOWN_FIELD.matcher(message);
        if (unknown.find()) {
            return new TranscodingException(ProblemKind.INVALID_ARGUMENT,
                    "Le champ « " + unknown.group(1) + " » n'existe pas dans " + unknown.group(2) + ".",
                    List.of(new FieldError(unknown.group(1), "Champ inconnu.")));
        }
        return TranscodingException.invalid("Valeur invalide dans la requête : " + message);
    }
}
