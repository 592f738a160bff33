package fr.bilan.gateway.transcoding;

import java.util.Collection;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.GrantedAuthority;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;

/**
 * One HTTP route of an RPC, from its {@code google.api.http} rule or one of its
 * {@code additional_bindings}.
 *
 * @param body          {@code null} when the request has no body, {@code "*"} for the whole
 *                      request message, otherwise the top-level field the body fills
 * @param responseBody  the response field sent as the HTTP body, {@code null} for the whole response
 * @param backend       the service group that serves it, from the proto package {@code bilan.<backend>.v1}
 * @param allowedRoles  realm roles that may call it, from {@code (bilan.auth.v1.access)}; empty: nobody
 * @param publicWithSecretPath anyone may call it, without a token: the secret in its path is the
 *                      credential, which the service checks ({@code public_with_secret_path})
 * @param fileName      the name its answer is saved under, from {@code (bilan.api.v1.download_file_name)};
 *                      {@code null} when it answers nothing to save (JSON, or a body shown in place)
 */
public record HttpBinding(HttpMethod httpMethod, PathTemplate path, String body, FieldDescriptor responseBody,
        MethodDescriptor method, String backend, Set<String> allowedRoles, boolean publicWithSecretPath,
        String fileName) {

    private static final String HTTP_BODY = "google.api.HttpBody";

    /** Deny by default: a caller may call the RPC only with one of the roles its contract names. */
    public boolean allows(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.startsWith("ROLE_") && allowedRoles.contains(authority.substring(5)));
    }

    public boolean bodyIsWholeRequest() {
        return "*".equals(body);
    }

    /**
     * Whether its body fills one {@code google.api.HttpBody} field: the request's bytes and content
     * type go there as they came (a page's form), not parsed as JSON.
     */
    public boolean takesRawBody() {
        if (body == null || bodyIsWholeRequest()) {
            return false;
        }
        FieldDescriptor field = method.getInputType().findFieldByName(body);
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
                && field.getMessageType().getFullName().equals(HTTP_BODY);
    }

    /**
     * Whether the HTTP body it answers (the response, or its {@code response_body} field) is a
     * {@code google.api.HttpBody}: sent as its bytes under its own content type, not as JSON.
     */
    public boolean answersRawBody() {
        Descriptor answered = responseBody == null ? method.getOutputType()
                : responseBody.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !responseBody.isRepeated()
                        ? responseBody.getMessageType() : null;
        return answered != null && answered.getFullName().equals(HTTP_BODY);
    }

    /**
     * Whether it answers a file sent in chunks: a server-streaming RPC whose HTTP body is a
     * {@code google.api.HttpBody}, each message one chunk, the first carrying the content type.
     */
    public boolean answersDownload() {
        return method.isServerStreaming() && answersRawBody();
    }
}
