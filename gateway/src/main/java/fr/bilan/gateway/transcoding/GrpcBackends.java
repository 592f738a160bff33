package fr.bilan.gateway.transcoding;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelFactory;

import com.google.protobuf.DynamicMessage;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import reactor.core.publisher.Mono;

/**
 * One long-lived gRPC channel per backend (the {@code <domain>} of {@code bilan.<domain>.v1}),
 * configured as {@code spring.grpc.client.channel.<domain>.*}, and dynamic calls over them.
 */
public final class GrpcBackends {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new HashMap<>();
    private final GatewayProperties properties;

    public GrpcBackends(HttpBindings bindings, GrpcChannelFactory channelFactory, Environment environment,
            GatewayProperties properties) {
        this.properties = properties;
        for (HttpBinding binding : bindings.all()) {
            channels.computeIfAbsent(binding.backend(), backend -> {
                if (!environment.containsProperty("spring.grpc.client.channel." + backend + ".target")) {
                    throw new IllegalStateException("No gRPC channel for backend '" + backend
                            + "': set spring.grpc.client.channel." + backend + ".target");
                }
                return channelFactory.createChannel(backend);
            });
            methods.computeIfAbsent(binding.method().getFullName(), name -> grpcMethod(binding.method()));
        }
    }

    private static MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod(
            com.google.protobuf.Descriptors.MethodDescriptor method) {
        return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(
                        method.getService().getFullName(), method.getName()))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
    }

    /** Calls the RPC with the caller's token and the correlation id, within the configured deadline. */
    public Mono<DynamicMessage> call(HttpBinding binding, DynamicMessage request, String authorization,
            String correlationId) {
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(AUTHORIZATION, authorization);
        }
        headers.put(REQUEST_ID, correlationId);
        Channel channel = ClientInterceptors.intercept(channels.get(binding.backend()),
                MetadataUtils.newAttachHeadersInterceptor(headers));
        return Mono.create(sink -> {
            ClientCall<DynamicMessage, DynamicMessage> call = channel.newCall(
                    methods.get(binding.method().getFullName()),
                    CallOptions.DEFAULT.withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS));
            sink.onCancel(() -> call.cancel("HTTP request cancelled", null));
            ClientCalls.asyncUnaryCall(call, request, new StreamObserver<>() {
                private DynamicMessage response;

                @Override
                public void onNext(DynamicMessage value) {
                    response = value;
                }

                @Override
                public void onError(Throwable error) {
                    sink.error(error);
                }

                @Override
                public void onCompleted() {
                    sink.success(response);
                }
            });
        });
    }
}
