package fr.bilan.gateway.transcoding;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints an RPC's response as proto3 JSON (lowerCamelCase names, every field present so the
 * front-end sees a stable shape), or only the field named by {@code response_body}.
 */
public final class ResponseTranscoder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonFormat.Printer printer;

    public ResponseTranscoder(TypeRegistry types) {
        this.printer = JsonFormat.printer()
                .usingTypeRegistry(types)
                .alwaysPrintFieldsWithNoPresence()
                .omittingInsignificantWhitespace();
    }

    public byte[] transcode(HttpBinding binding, Message response) {
        try {
            FieldDescriptor field = binding.responseBody();
            if (field == null) {
                return bytes(printer.print(response));
            }
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
                return bytes(printer.print((Message) response.getField(field)));
            }
            JsonNode whole = JSON.readTree(printer.print(response));
            return JSON.writeValueAsBytes(whole.get(field.getJsonName()));
        } catch (InvalidProtocolBufferException e) {
            // only an Any of a type outside the descriptor sets can get here: a build fault
            throw new IllegalStateException("Cannot print " + response.getDescriptorForType().getFullName(), e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
