package fr.bilan.gateway.transcoding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;

import com.google.protobuf.DynamicMessage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One long-lived gRPC channel per backend (the {@code <domain>} of {@code bilan.<domain>.v1}),
 * configured as {@code spring.grpc.client.channel.<domain>.*}, and dynamic calls over them: each
 * with the backend's deadline (a download with the download deadline), through the backend's
 * circuit breaker, idempotent RPCs retried by gRPC on {@code UNAVAILABLE}.
 */
public final class GrpcBackends {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final Map<String, ManagedChannel> channels = new HashMap<>();
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();
    private final Map<String, MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new HashMap<>();
    private final GatewayProperties properties;

    public GrpcBackends(HttpBindings bindings, GrpcChannelFactory channelFactory, Environment environment,
            GatewayProperties properties, CircuitBreakerRegistry breakerRegistry) {
        this.properties = properties;
        Map<String, List<com.google.protobuf.Descriptors.MethodDescriptor>> byBackend = bindings.all().stream()
                .collect(Collectors.groupingBy(HttpBinding::backend,
                        Collectors.mapping(HttpBinding::method, Collectors.toList())));
        byBackend.forEach((backend, backendMethods) -> {
            if (!environment.containsProperty("spring.grpc.client.channel." + backend + ".target")) {
                throw new IllegalStateException("No gRPC channel for backend '" + backend
                        + "': set spring.grpc.client.channel." + backend + ".target");
            }
            Map<String, Object> serviceConfig = RetryServiceConfig.of(backendMethods, properties.retry());
            ManagedChannel channel = channelFactory.createChannel(backend, ChannelBuilderOptions.defaults()
                    .withCustomizer((target, builder) -> {
                        if (!serviceConfig.isEmpty()) {
                            builder.defaultServiceConfig(serviceConfig).enableRetry();
                        }
                    }));
            channels.put(backend, channel);
            CircuitBreaker breaker = breakerRegistry.circuitBreaker(backend);
            // a backend that comes back is tried at once, not after the channel's reconnect backoff
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
                    channel.resetConnectBackoff();
                }
            });
            breakers.put(backend, breaker);
            backendMethods.forEach(method -> methods.computeIfAbsent(method.getFullName(), name -> grpcMethod(method)));
        });
    }

    /** Open while a backend fails: callers get 503 at once; unavailability and slowness count, refusals do not. */
    public static CircuitBreakerRegistry breakerRegistry(GatewayProperties.CircuitBreaker settings) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.callsInHalfOpenState())
                .recordException(GrpcBackends::isBackendFailure)
                .build());
    }

    private static boolean isBackendFailure(Throwable error) {
        Status.Code code = Status.fromThrowable(error).getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    private static MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod(
            com.google.protobuf.Descriptors.MethodDescriptor method) {
        return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(method.isServerStreaming()
                        ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(
                        method.getService().getFullName(), method.getName()))
                .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getInputType())))
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(method.getOutputType())))
                .build();
    }

    /** Calls a unary RPC with the caller's token and the correlation id, within the configured deadline. */
    public Mono<DynamicMessage> call(HttpBinding binding, DynamicMessage request, String authorization,
            String correlationId) {
        return stream(binding, request, authorization, correlationId).single();
    }

    /**
     * Calls the RPC as {@link #call} does and passes on the messages it answers as they come, no
     * faster than they are consumed (gRPC flow control follows the subscriber's demand).
     */
    public Flux<DynamicMessage> stream(HttpBinding binding, DynamicMessage request, String authorization,
            String correlationId) {
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(AUTHORIZATION, authorization);
        }
        headers.put(REQUEST_ID, correlationId);
        Channel channel = ClientInterceptors.intercept(channels.get(binding.backend()),
                MetadataUtils.newAttachHeadersInterceptor(headers));
        long deadlineMillis = properties.deadlineOf(binding).toMillis();
        Flux<DynamicMessage> responses = Flux.create(sink -> {
            ClientCall<DynamicMessage, DynamicMessage> call = channel.newCall(
                    methods.get(binding.method().getFullName()),
                    CallOptions.DEFAULT.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS));
            sink.onCancel(() -> call.cancel("HTTP request cancelled", null));
            ClientCalls.asyncServerStreamingCall(call, request, new ClientResponseObserver<DynamicMessage, DynamicMessage>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<DynamicMessage> requestStream) {
                    requestStream.disableAutoRequestWithInitial(1);
                }

                @Override
                public void onNext(DynamicMessage value) {
                    sink.next(value);
                }

                @Override
                public void onError(Throwable error) {
                    sink.error(error);
                }

                @Override
                public void onCompleted() {
                    sink.complete();
                }
            });
            // only a started call takes requests: further messages as the subscriber asks for them
            sink.onRequest(demand -> call.request((int) Math.min(demand, Integer.MAX_VALUE)));
        });
        return responses.transformDeferred(CircuitBreakerOperator.of(breakers.get(binding.backend())));
    }

    /** Seconds a caller should wait before trying an open backend again. */
    public long retryAfterSeconds() {
        return Math.max(1, (properties.circuitBreaker().waitInOpenState().toMillis() + 999) / 1000);
    }
}
