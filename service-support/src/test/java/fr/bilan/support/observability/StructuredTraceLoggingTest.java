package fr.bilan.support.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a deployment with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} gets from the shared defaults:
 * one JSON object per log line, and a line logged while a gRPC call is served carries the trace of
 * the caller (W3C {@code traceparent} sent as gRPC metadata, as a service's gRPC client sends it)
 * and a span of its own; the caller's bearer token appears nowhere in the output.
 */
@SpringBootTest(classes = StructuredTraceLoggingTest.App.class, properties = {
        "spring.application.name=trace-test",
        "spring.config.import=classpath:bilan-service-defaults.yaml",
        "logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredTraceLoggingTest extends GrpcServiceTestSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
    private static final String SERVED = "consent change served";

    @Autowired
    MeterRegistry meters;

    @Test
    void aLineLoggedWhileServingACallIsJsonWithTheCallersTraceAndNoToken(CapturedOutput output) throws Exception {
        String token = TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE);
        Metadata headers = new Metadata();
        // sampled flag set: the caller decided to record this trace
        headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01");

        RetentionServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .recordConsentChange(RecordConsentChangeRequest.getDefaultInstance());

        List<String> lines = output.getOut().lines().filter(line -> line.startsWith("{")).toList();
        String served = lines.stream().filter(line -> line.contains(SERVED)).findFirst().orElseThrow(
                () -> new AssertionError("no JSON line says " + SERVED + " in:\n" + output.getOut()));
        Map<?, ?> line = JsonMapper.builder().build().readValue(served, Map.class);
        assertThat(line.get("message")).isEqualTo(SERVED);
        assertThat(line.get("trace.id")).as("trace id of " + served).isEqualTo(TRACE_ID);
        assertThat((String) line.get("span.id")).as("span id of " + served).matches("[0-9a-f]{16}")
                .isNotEqualTo(PARENT_SPAN_ID);
        assertThat(((Map<?, ?>) line.get("service")).get("name")).isEqualTo("trace-test");
        assertThat(output.getAll()).doesNotContain(token);
        // every line the service wrote to the console is JSON, start-up included
        assertThat(output.getOut().lines().filter(l -> !l.isBlank()).filter(l -> !l.startsWith("{")).toList())
                .isEmpty();

        // the served call is timed by the gRPC server observation; the MongoDB driver's pool is measured
        // (the server stops its observation as it closes the call, which may come just after the answer)
        String meterIds = meters.getMeters().stream().map(meter -> meter.getId().toString()).sorted()
                .reduce("", (all, id) -> all + "\n" + id);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(meters.find("grpc.server")
                .tags("rpc.method", "RecordConsentChange", "grpc.status_code", "OK").timer()).as(meterIds).isNotNull());
        assertThat(meters.find("mongodb.driver.pool.size").gauge()).as(meterIds).isNotNull();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        RetentionServiceGrpc.RetentionServiceImplBase loggingRetention() {
            return new RetentionServiceGrpc.RetentionServiceImplBase() {
                private final Logger log = LoggerFactory.getLogger("fr.bilan.support.observability.Served");

                @Override
                public void recordConsentChange(RecordConsentChangeRequest request,
                        StreamObserver<RecordConsentChangeResponse> response) {
                    log.info(SERVED);
                    response.onNext(RecordConsentChangeResponse.getDefaultInstance());
                    response.onCompleted();
                }
            };
        }
    }
}
