package fr.bilan.gateway.transcoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;

import fr.bilan.gateway.problem.Problem.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON request against the proto3 JSON mapping, field by field and value by value, before
 * anything is parsed: whatever the mapping would refuse, or take only by quietly turning it into
 * something else (a number for text, {@code 2027-02-30} for 2 March), is refused here, in French,
 * naming the field as the request spells it in lowerCamelCase ({@code sessions[0].startTime}), so
 * that the parser that follows never fails. Every wrong field is named at once.
 */
final class JsonShape {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|([+-])(\\d{2}):(\\d{2}))");
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Pattern DURATION = Pattern.compile("-?(\\d{1,12})(?:\\.(\\d{1,9}))?s");
    private static final long MAX_DURATION_SECONDS = 315_576_000_000L;
    private static final String MASK_PATH = "[a-z][A-Za-z0-9_]*(\\.[a-z][A-Za-z0-9_]*)*";
    private static final Pattern FIELD_MASK = Pattern.compile("(" + MASK_PATH + "(," + MASK_PATH + ")*)?");
    private static final BigDecimal MAX_DOUBLE = BigDecimal.valueOf(Double.MAX_VALUE);
    private static final BigDecimal MAX_FLOAT = new BigDecimal(Float.toString(Float.MAX_VALUE));
    private static final String TIMESTAMP_EXPECTED = "Une date et heure RFC 3339 est attendue (ex. 2026-03-29T09:00:00Z).";

    private JsonShape() {
    }

    /** Checks a JSON object against {@code type}; {@code path} names it ({@code ""}: the body itself). */
    static void checkMessage(Descriptor type, JsonNode node, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path, "Un objet JSON est attendu."));
            return;
        }
        Map<FieldDescriptor, String> seen = new HashMap<>();
        Map<OneofDescriptor, List<FieldDescriptor>> oneofs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            FieldDescriptor field = fieldNamed(type, name);
            if (field == null) {
                errors.add(new FieldError(join(path, RequestText.shown(name)), "Champ inconnu."));
                continue;
            }
            String fieldPath = join(path, field.getJsonName());
            String other = seen.putIfAbsent(field, name);
            if (other != null) {
                errors.add(new FieldError(fieldPath, "Ce champ est donné deux fois (« " + other + " » et « " + name
                        + " ») : n'en gardez qu'un."));
                continue;
            }
            if (property.getValue().isNull()) {
                continue; // absent, as the mapping reads it
            }
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null) {
                oneofs.computeIfAbsent(oneof, o -> new ArrayList<>()).add(field);
            }
            checkField(field, property.getValue(), fieldPath, errors);
        }
        oneofs.values().stream().filter(set -> set.size() > 1).forEach(set -> {
            String names = set.stream().map(f -> "« " + f.getJsonName() + " »").collect(Collectors.joining(", "));
            set.forEach(f -> errors.add(new FieldError(join(path, f.getJsonName()),
                    "Un seul de ces champs peut être donné : " + names + ".")));
        });
    }

    /** A field given by its JSON name or its proto name. */
    static FieldDescriptor fieldNamed(Descriptor type, String name) {
        FieldDescriptor field = type.findFieldByName(name);
        if (field != null) {
            return field;
        }
        return type.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
    }

    /** Checks a field's value, a list for a repeated field, an object for a map. */
    static void checkField(FieldDescriptor field, JsonNode value, String path, List<FieldError> errors) {
        if (field.isMapField()) {
            if (!value.isObject()) {
                errors.add(new FieldError(path, "Un objet JSON est attendu."));
                return;
            }
            FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
            FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
            value.properties().forEach(entry -> {
                String entryPath = path + "." + RequestText.shown(entry.getKey());
                String keyProblem = mapKeyProblem(keyField, entry.getKey());
                if (keyProblem != null) {
                    errors.add(new FieldError(entryPath, keyProblem));
                } else if (entry.getValue().isNull() && !isValue(valueField)) {
                    errors.add(new FieldError(entryPath, "Une valeur est attendue, pas null."));
                } else {
                    checkValue(valueField, entry.getValue(), entryPath, errors);
                }
            });
        } else if (field.isRepeated()) {
            if (!value.isArray()) {
                errors.add(new FieldError(path, "Une liste JSON est attendue."));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (element.isNull() && !isValue(field)) {
                    errors.add(new FieldError(path + "[" + i + "]", "Une liste ne peut pas contenir null."));
                } else {
                    checkValue(field, element, path + "[" + i + "]", errors);
                }
            }
        } else {
            checkValue(field, value, path, errors);
        }
    }

    /** Checks one value of {@code field} (an element, for a repeated one). */
    static void checkValue(FieldDescriptor field, JsonNode value, String path, List<FieldError> errors) {
        String problem = switch (field.getJavaType()) {
            case STRING -> value.isString() ? RequestText.refusal(value.asString())
                    : "Une chaîne de caractères est attendue.";
            case BYTE_STRING -> value.isString() ? bytesProblem(value.asString()) : "Une chaîne de caractères est attendue.";
            case BOOLEAN -> value.isBoolean() ? null : "true ou false est attendu.";
            case INT, LONG -> integerProblem(field.getType(), value);
            case FLOAT, DOUBLE -> decimalProblem(field.getJavaType() == FieldDescriptor.JavaType.FLOAT, value);
            case ENUM -> enumProblem(field.getEnumType(), value);
            case MESSAGE -> messageProblem(field.getMessageType(), value, path, errors);
        };
        if (problem != null) {
            errors.add(new FieldError(path, problem));
        }
    }

    private static String messageProblem(Descriptor type, JsonNode value, String path, List<FieldError> errors) {
        String fullName = type.getFullName();
        switch (fullName) {
            case "google.protobuf.Timestamp":
                return value.isString() ? timestampProblem(value.asString()) : TIMESTAMP_EXPECTED;
            case "google.protobuf.Duration":
                return value.isString() ? durationProblem(value.asString())
                        : "Une durée en secondes est attendue (ex. \"3600s\").";
            case "google.protobuf.FieldMask":
                return value.isString() && FIELD_MASK.matcher(value.asString()).matches() ? null
                        : "Une liste de champs séparés par des virgules, sans espace, est attendue (ex. \"givenName,phone\").";
            case "google.protobuf.Value":
                return textInside(value);
            case "google.protobuf.ListValue":
                return value.isArray() ? textInside(value) : "Une liste JSON est attendue.";
            case "google.protobuf.Struct":
                return value.isObject() ? textInside(value) : "Un objet JSON est attendu.";
            case "google.protobuf.Any":
                // no request of the API carries one; refused rather than parsed half-checked
                return "Ce champ n'est pas pris en charge dans une requête.";
            default:
                if (type.getFile().getName().equals("google/protobuf/wrappers.proto")) {
                    checkValue(type.findFieldByName("value"), value, path, errors);
                } else {
                    checkMessage(type, value, path, errors);
                }
                return null;
        }
    }

    /** RFC 3339 as the mapping writes it, a real date and time of years 1 to 9999 (UTC). */
    static String timestampProblem(String text) {
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return TIMESTAMP_EXPECTED;
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3), number(m, 4), number(m, 5),
                    number(m, 6));
            ZoneOffset offset = m.group(8).equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes((m.group(9).equals("-") ? -1 : 1) * number(m, 10),
                            (m.group(9).equals("-") ? -1 : 1) * number(m, 11));
            Instant instant = local.toInstant(offset);
            if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
                return "Date hors des limites : elle doit être comprise entre l'an 1 et l'an 9999 (UTC).";
            }
            return null;
        } catch (DateTimeException impossible) {
            return "Cette date et heure n'existe pas : " + text + ".";
        }
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    private static String durationProblem(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return "Une durée en secondes est attendue, au plus 9 décimales (ex. \"3600s\", \"1.5s\").";
        }
        long seconds = Long.parseLong(m.group(1));
        boolean fraction = m.group(2) != null && !m.group(2).matches("0+");
        return seconds > MAX_DURATION_SECONDS || seconds == MAX_DURATION_SECONDS && fraction
                ? "Durée hors des limites : au plus 10 000 ans." : null;
    }

    private static String bytesProblem(String text) {
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                decoder.decode(text);
                return null;
            } catch (IllegalArgumentException notThisAlphabet) {
                // the other alphabet, then refused
            }
        }
        return "Des octets en base64 sont attendus.";
    }

    private static String integerProblem(FieldDescriptor.Type type, JsonNode value) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return "Un nombre entier est attendu.";
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            return "Un nombre entier est attendu, sans décimale.";
        }
        BigInteger min;
        BigInteger max;
        switch (type) {
            case UINT32, FIXED32 -> { min = BigInteger.ZERO; max = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE); }
            case UINT64, FIXED64 -> { min = BigInteger.ZERO; max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE); }
            case INT64, SINT64, SFIXED64 -> { min = BigInteger.valueOf(Long.MIN_VALUE); max = BigInteger.valueOf(Long.MAX_VALUE); }
            default -> { min = BigInteger.valueOf(Integer.MIN_VALUE); max = BigInteger.valueOf(Integer.MAX_VALUE); }
        }
        // compared as decimals first: 1e1000000 is out of range without being expanded
        if (number.compareTo(new BigDecimal(min)) < 0 || number.compareTo(new BigDecimal(max)) > 0) {
            return "Nombre hors des limites : entre " + min + " et " + max + ".";
        }
        return null;
    }

    private static String decimalProblem(boolean single, JsonNode value) {
        if (value.isString() && List.of("NaN", "Infinity", "-Infinity").contains(value.asString())) {
            return null;
        }
        BigDecimal number = decimal(value);
        if (number == null) {
            return "Un nombre est attendu.";
        }
        return number.abs().compareTo(single ? MAX_FLOAT : MAX_DOUBLE) > 0 ? "Nombre hors des limites." : null;
    }

    /** A JSON number, or a string holding one; {@code null} for anything else. */
    private static BigDecimal decimal(JsonNode value) {
        try {
            if (value.isIntegralNumber() || value.isBigDecimal()) {
                return value.decimalValue();
            }
            if (value.isNumber()) {
                return Double.isFinite(value.doubleValue()) ? BigDecimal.valueOf(value.doubleValue()) : null;
            }
            // a number written as text, as the mapping takes 64-bit integers; no longer than any number is
            if (value.isString() && !value.asString().isEmpty() && value.asString().length() <= 64
                    && value.asString().strip().equals(value.asString())) {
                return new BigDecimal(value.asString());
            }
        } catch (NumberFormatException | ArithmeticException notANumber) {
            // refused below
        }
        return null;
    }

    private static String enumProblem(EnumDescriptor type, JsonNode value) {
        EnumValueDescriptor known = null;
        if (value.isString()) {
            known = type.findValueByName(value.asString());
        } else if (value.isIntegralNumber() && value.canConvertToInt()) {
            known = type.findValueByNumber(value.asInt());
        }
        if (known != null) {
            return null;
        }
        String allowed = type.getValues().stream().map(EnumValueDescriptor::getName).collect(Collectors.joining(", "));
        return (value.isString() ? "Valeur inconnue : « " + abbreviate(value.asString()) + " ». "
                : "Le nom d'une des valeurs permises est attendu. ") + "Valeurs permises : " + allowed + ".";
    }

    private static String mapKeyProblem(FieldDescriptor key, String text) {
        return switch (key.getJavaType()) {
            case BOOLEAN -> text.equals("true") || text.equals("false") ? null : "Une clé true ou false est attendue.";
            case INT, LONG -> integerProblem(key.getType(), tools.jackson.databind.node.JsonNodeFactory.instance
                    .stringNode(text));
            default -> RequestText.refusal(text);
        };
    }

    /** The first refusal of a text anywhere inside a free JSON value. */
    private static String textInside(JsonNode value) {
        if (value.isString()) {
            return RequestText.refusal(value.asString());
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
            String problem = RequestText.refusal(property.getKey());
            problem = problem != null ? problem : textInside(property.getValue());
            if (problem != null) {
                return problem;
            }
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String problem = textInside(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static boolean isValue(FieldDescriptor field) {
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && field.getMessageType().getFullName().equals("google.protobuf.Value")
                || field.getJavaType() == FieldDescriptor.JavaType.ENUM
                        && field.getEnumType().getFullName().equals("google.protobuf.NullValue");
    }

    private static String abbreviate(String text) {
        return RequestText.shown(text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
