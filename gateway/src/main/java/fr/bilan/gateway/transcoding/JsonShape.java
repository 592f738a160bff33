package fr.bilan.gateway.transcoding;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

import fr.bilan.gateway.problem.Problem.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a JSON request has the shape the proto3 JSON mapping expects, field by field,
 * before any value is parsed: a number or a boolean where text is expected is refused rather than
 * quietly turned into text, and every wrong field is named at once.
 */
final class JsonShape {

    private static final Map<String, String> STRING_FORMS = Map.of(
            "google.protobuf.Timestamp", "Une date et heure RFC 3339 est attendue (ex. 2026-03-29T09:00:00Z).",
            "google.protobuf.Duration", "Une durée est attendue (ex. \"3600s\").",
            "google.protobuf.FieldMask", "Une liste de champs séparés par des virgules est attendue.");

    private JsonShape() {
    }

    static void checkMessage(Descriptor type, JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path.isEmpty() ? "(corps)" : path, "Un objet JSON est attendu."));
            return;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            FieldDescriptor field = type.findFieldByName(name);
            if (field == null) {
                field = type.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
            }
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            if (field == null) {
                errors.add(new FieldError(fieldPath, "Champ inconnu."));
            } else if (!property.getValue().isNull()) {
                checkField(field, property.getValue(), fieldPath, errors);
            }
        }
    }

    private static void checkField(FieldDescriptor field, JsonNode value, String path, List<FieldError> errors) {
        if (field.isMapField()) {
            if (!value.isObject()) {
                errors.add(new FieldError(path, "Un objet JSON est attendu."));
                return;
            }
            FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
            value.properties().forEach(entry -> checkValue(valueField, entry.getValue(), path + "." + entry.getKey(), errors));
        } else if (field.isRepeated()) {
            if (!value.isArray()) {
                errors.add(new FieldError(path, "Une liste JSON est attendue."));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                checkValue(field, value.get(i), path + "[" + i + "]", errors);
            }
        } else {
            checkValue(field, value, path, errors);
        }
    }

    private static void checkValue(FieldDescriptor field, JsonNode value, String path, List<FieldError> errors) {
        String problem = switch (field.getJavaType()) {
            case STRING, BYTE_STRING -> value.isString() ? null : "Une chaîne de caractères est attendue.";
            case BOOLEAN -> value.isBoolean() ? null : "true ou false est attendu.";
            case INT, LONG, FLOAT, DOUBLE -> value.isNumber() || value.isString() ? null : "Un nombre est attendu.";
            case ENUM -> value.isString() || value.isIntegralNumber() ? null : "Une des valeurs permises est attendue.";
            case MESSAGE -> messageProblem(field.getMessageType(), value, path, errors);
        };
        if (problem != null) {
            errors.add(new FieldError(path, problem));
        }
    }

    private static String messageProblem(Descriptor type, JsonNode value, String path, List<FieldError> errors) {
        String fullName = type.getFullName();
        if (STRING_FORMS.containsKey(fullName)) {
            return value.isString() ? null : STRING_FORMS.get(fullName);
        }
        if (fullName.startsWith("google.protobuf.") && fullName.endsWith("Value") && !fullName.equals("google.protobuf.Value")
                && !fullName.equals("google.protobuf.ListValue")) {
            checkValue(type.findFieldByName("value"), value, path, errors);
            return null;
        }
        return switch (fullName) {
            case "google.protobuf.Value" -> null;
            case "google.protobuf.ListValue" -> value.isArray() ? null : "Une liste JSON est attendue.";
            case "google.protobuf.Struct", "google.protobuf.Any" -> value.isObject() ? null : "Un objet JSON est attendu.";
            default -> {
                checkMessage(type, value, path, errors);
                yield null;
            }
        };
    }
}
