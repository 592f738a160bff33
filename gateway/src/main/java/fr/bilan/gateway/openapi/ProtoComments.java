package fr.bilan.gateway.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;

/** The leading comments of the proto files, by element full name: the API's descriptions. */
final class ProtoComments {

    // field numbers in descriptor.proto: where each kind of element sits in a source location path
    private static final int FILE_MESSAGE = 4;
    private static final int FILE_ENUM = 5;
    private static final int FILE_SERVICE = 6;
    private static final int MESSAGE_FIELD = 2;
    private static final int MESSAGE_NESTED = 3;
    private static final int MESSAGE_ENUM = 4;
    private static final int SERVICE_METHOD = 2;

    /** Abbreviations, without their final full stop: that one ends no sentence ("e.g. Keycloak", "art. L6313-1"). */
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "cf", "art", "al", "vs");

    private final Map<String, String> byName = new HashMap<>();

    ProtoComments(Iterable<FileDescriptor> files) {
        for (FileDescriptor file : files) {
            Map<List<Integer>, String> byPath = new HashMap<>();
            for (Location location : file.toProto().getSourceCodeInfo().getLocationList()) {
                if (location.hasLeadingComments()) {
                    byPath.put(location.getPathList(), location.getLeadingComments().strip());
                }
            }
            for (int i = 0; i < file.getMessageTypes().size(); i++) {
                message(file.getMessageTypes().get(i), List.of(FILE_MESSAGE, i), byPath);
            }
            for (int i = 0; i < file.getEnumTypes().size(); i++) {
                put(file.getEnumTypes().get(i), List.of(FILE_ENUM, i), byPath);
            }
            for (int i = 0; i < file.getServices().size(); i++) {
                ServiceDescriptor service = file.getServices().get(i);
                put(service.getFullName(), List.of(FILE_SERVICE, i), byPath);
                for (int j = 0; j < service.getMethods().size(); j++) {
                    put(service.getMethods().get(j).getFullName(), List.of(FILE_SERVICE, i, SERVICE_METHOD, j), byPath);
                }
            }
        }
    }

    private void message(Descriptor message, List<Integer> path, Map<List<Integer>, String> byPath) {
        put(message.getFullName(), path, byPath);
        for (int k = 0; k < message.getFields().size(); k++) {
            put(message.getFields().get(k).getFullName(), append(path, MESSAGE_FIELD, k), byPath);
        }
        for (int k = 0; k < message.getNestedTypes().size(); k++) {
            message(message.getNestedTypes().get(k), append(path, MESSAGE_NESTED, k), byPath);
        }
        for (int k = 0; k < message.getEnumTypes().size(); k++) {
            put(message.getEnumTypes().get(k), append(path, MESSAGE_ENUM, k), byPath);
        }
    }

    private void put(EnumDescriptor enumType, List<Integer> path, Map<List<Integer>, String> byPath) {
        put(enumType.getFullName(), path, byPath);
    }

    private void put(String name, List<Integer> path, Map<List<Integer>, String> byPath) {
        String comment = byPath.get(path);
        if (comment != null) {
            byName.put(name, comment);
        }
    }

    private static List<Integer> append(List<Integer> path, int kind, int index) {
        List<Integer> longer = new java.util.ArrayList<>(path);
        longer.add(kind);
        longer.add(index);
        return longer;
    }

    String of(String fullName) {
        return byName.get(fullName);
    }

    /**
     * The first sentence of a comment, on one line: up to the first full stop followed by a space or
     * the end, except after an abbreviation ({@code e.g.}, {@code art. 15}) or before a word in
     * lower case or a number, which a sentence does not start with. The whole comment when it has
     * no such stop.
     */
    static String firstSentence(String comment) {
        String text = comment.strip().replaceAll("\\s+", " ");
        int dot = text.indexOf('.');
        while (dot >= 0) {
            if (dot == text.length() - 1 || text.charAt(dot + 1) == ' ' && !abbreviation(text, dot)
                    && !continues(text.charAt(dot + 2))) {
                return text.substring(0, dot + 1);
            }
            dot = text.indexOf('.', dot + 1);
        }
        return text;
    }

    private static boolean abbreviation(String text, int dot) {
        int start = text.lastIndexOf(' ', dot) + 1;
        String word = text.substring(start, dot).replaceFirst("^[(\\[«\"']+", "").toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word);
    }

    private static boolean continues(char next) {
        return Character.isLowerCase(next) || Character.isDigit(next);
    }
}
