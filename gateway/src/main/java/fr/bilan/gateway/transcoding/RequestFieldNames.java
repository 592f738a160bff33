package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

/**
 * Names a field of an RPC's request, given as the services name it (the proto path,
 * {@code beneficiary.given_name}, {@code sessions[0].start_time}), as the HTTP request spells it:
 * lowerCamelCase ({@code sessions[0].startTime}); a field of a one-field body without that field's
 * name ({@code givenName} for {@code body: "beneficiary"}); a path variable by its name in the
 * route ({@code assessment_id}, {@code beneficiary.id}). A path the request type does not know is
 * turned into lowerCamelCase as it is.
 */
final class RequestFieldNames {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[[^\\]]*\\])*)");

    private final HttpBinding binding;

    RequestFieldNames(HttpBinding binding) {
        this.binding = binding;
    }

    String name(String protoPath) {
        List<Matcher> segments = new ArrayList<>();
        for (String part : protoPath.split("\\.", -1)) {
            Matcher segment = SEGMENT.matcher(part);
            if (!segment.matches()) {
                return protoPath;
            }
            segments.add(segment);
        }
        Descriptor input = binding.method().getInputType();
        List<FieldDescriptor> fields = resolve(input, segments);
        boolean relativeToBody = false;
        if (fields.isEmpty() && bodyType().isPresent()) {
            // a service may name a field of the body from the body itself
            fields = resolve(bodyType().get(), segments);
            relativeToBody = !fields.isEmpty();
        }
        if (!relativeToBody && fields.size() == segments.size() && segments.stream().allMatch(s -> s.group(2).isEmpty())) {
            List<FieldDescriptor> named = fields;
            Optional<String> variable = binding.path().fieldPaths().stream()
                    .filter(bound -> FieldPaths.resolve(input, bound).filter(named::equals).isPresent()).findFirst();
            if (variable.isPresent()) {
                return variable.get();
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String name = i < fields.size() ? fields.get(i).getJsonName() : lowerCamel(segments.get(i).group(1));
            names.add(name + segments.get(i).group(2));
        }
        boolean inBody = !relativeToBody && binding.body() != null && !binding.bodyIsWholeRequest() && !fields.isEmpty()
                && fields.get(0).getName().equals(binding.body());
        return String.join(".", inBody ? names.subList(1, names.size()) : names);
    }

    /** The fields the path names, as far as {@code type} knows them. */
    private static List<FieldDescriptor> resolve(Descriptor type, List<Matcher> segments) {
        List<FieldDescriptor> fields = new ArrayList<>();
        Descriptor current = type;
        for (Matcher segment : segments) {
            FieldDescriptor field = current == null ? null : JsonShape.fieldNamed(current, segment.group(1));
            if (field == null) {
                break;
            }
            fields.add(field);
            boolean element = !field.isRepeated() || !segment.group(2).isEmpty();
            current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField() && element
                    ? field.getMessageType() : null;
        }
        return fields;
    }

    private Optional<Descriptor> bodyType() {
        if (binding.body() == null || binding.bodyIsWholeRequest()) {
            return Optional.empty();
        }
        FieldDescriptor body = binding.method().getInputType().findFieldByName(binding.body());
        return body.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !body.isRepeated()
                ? Optional.of(body.getMessageType()) : Optional.empty();
    }

    private static String lowerCamel(String snake) {
        StringBuilder camel = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
