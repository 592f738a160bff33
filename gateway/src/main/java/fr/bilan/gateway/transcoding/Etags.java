package fr.bilan.gateway.transcoding;

import java.util.Optional;

import org.springframework.http.HttpMethod;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

/**
 * The HTTP face of AIP-154 etags: on a change, {@code If-Match} fills the {@code etag} field of the
 * resource the request carries (the body's message, or the request itself), and a resource
 * answered with an {@code etag} has it as the {@code ETag} header too.
 */
public final class Etags {

    private static final String FIELD = "etag";

    private Etags() {
    }

    /** The request with the {@code If-Match} etag in it; unchanged when the request carries no etag field. */
    static DynamicMessage applyIfMatch(HttpBinding binding, DynamicMessage request, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*") || !takesIfMatch(binding)) {
            return request;
        }
        String etag = unquote(ifMatch.strip());
        FieldDescriptor resourceField = requestResource(binding);
        FieldDescriptor etagField = etagField(resourceType(binding)).orElseThrow();
        Message holder = resourceField == null ? request : (Message) request.getField(resourceField);
        String sent = (String) holder.getField(etagField);
        if (!sent.isEmpty() && !sent.equals(etag)) {
            throw TranscodingException.invalid("L'etag du corps (« " + sent + " ») et l'en-tête If-Match (« " + etag
                    + " ») diffèrent : n'en envoyez qu'un, ou le même.");
        }
        Message withEtag = holder.toBuilder().setField(etagField, etag).build();
        return resourceField == null ? (DynamicMessage) withEtag
                : request.toBuilder().setField(resourceField, withEtag).build();
    }

    /**
     * Whether the operation takes {@code If-Match}: it changes an existing resource (PUT, PATCH,
     * DELETE, or a custom method) and the resource it carries has an etag.
     */
    public static boolean takesIfMatch(HttpBinding binding) {
        HttpMethod method = binding.httpMethod();
        boolean changesExisting = HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method)
                || HttpMethod.DELETE.equals(method) || HttpMethod.POST.equals(method) && binding.path().verb() != null;
        if (!changesExisting) {
            return false;
        }
        return etagField(resourceType(binding)).isPresent();
    }

    /** Whether the operation answers an {@code ETag}: its HTTP body is a resource with an etag. */
    public static boolean givesEtag(HttpBinding binding) {
        FieldDescriptor body = binding.responseBody();
        if (body == null) {
            return etagField(binding.method().getOutputType()).isPresent();
        }
        return body.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !body.isRepeated()
                && etagField(body.getMessageType()).isPresent();
    }

    /** The {@code ETag} header for an answer whose HTTP body is a resource with an etag. */
    static Optional<String> header(HttpBinding binding, Message response) {
        if (!givesEtag(binding)) {
            return Optional.empty();
        }
        FieldDescriptor body = binding.responseBody();
        Message resource = body == null ? response : (Message) response.getField(body);
        return etagField(resource.getDescriptorForType())
                .map(field -> (String) resource.getField(field))
                .filter(etag -> !etag.isEmpty())
                .map(etag -> "\"" + etag + "\"");
    }

    /** The request field the body fills with a resource, {@code null} when the resource is the request itself. */
    private static FieldDescriptor requestResource(HttpBinding binding) {
        if (binding.body() == null || binding.bodyIsWholeRequest()) {
            return null;
        }
        FieldDescriptor field = binding.method().getInputType().findFieldByName(binding.body());
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated() ? field : null;
    }

    /** The type of the resource a request carries: the body's message, or the request itself. */
    private static Descriptor resourceType(HttpBinding binding) {
        FieldDescriptor resourceField = requestResource(binding);
        return resourceField == null ? binding.method().getInputType() : resourceField.getMessageType();
    }

    private static Optional<FieldDescriptor> etagField(Descriptor type) {
        return Optional.ofNullable(type.findFieldByName(FIELD))
                .filter(field -> field.getType() == FieldDescriptor.Type.STRING && !field.isRepeated());
    }

    /** {@code "v3"} and {@code W/"v3"} name the etag {@code v3}; a bare token is taken as it is. */
    private static String unquote(String entityTag) {
        String tag = entityTag.startsWith("W/") ? entityTag.substring(2) : entityTag;
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
