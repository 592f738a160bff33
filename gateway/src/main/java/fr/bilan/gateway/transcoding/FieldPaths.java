package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

/** Dotted field paths ({@code filter.centre_id}, or {@code filter.centreId}) resolved on a message type. */
public final class FieldPaths {

    private FieldPaths() {
    }

    /** The fields along the path, outermost first; empty when a name is unknown or crosses a non-message. */
    public static Optional<List<FieldDescriptor>> resolve(Descriptor type, String path) {
        List<FieldDescriptor> fields = new ArrayList<>();
        Descriptor current = type;
        for (String name : path.split("\\.", -1)) {
            if (current == null) {
                return Optional.empty();
            }
            FieldDescriptor field = current.findFieldByName(name);
            if (field == null) {
                field = current.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
            }
            if (field == null) {
                return Optional.empty();
            }
            fields.add(field);
            current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
                    ? field.getMessageType() : null;
        }
        return Optional.of(fields);
    }
}
