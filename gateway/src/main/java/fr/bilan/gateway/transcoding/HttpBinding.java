package fr.bilan.gateway.transcoding;

import org.springframework.http.HttpMethod;

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
 */
public record HttpBinding(HttpMethod httpMethod, PathTemplate path, String body, FieldDescriptor responseBody,
        MethodDescriptor method, String backend) {

    public boolean bodyIsWholeRequest() {
        return "*".equals(body);
    }
}
