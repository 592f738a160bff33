package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What every service answers on its gRPC port: health for anyone (Kubernetes probes), and nothing
 * else without a valid token; and the calls it serves, its memory and its MongoDB commands counted
 * as the chart's alerts and dashboard read them. A service's test class extends this and names its application.
 */
public abstract class StandardGrpcServicesContract extends GrpcServiceTestSupport {

    @Autowired
    private PrometheusMeterRegistry prometheus;

    @Test
    void healthAnswersWithoutAToken() {
        var health = HealthGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void theChartsAlertsAndDashboardReadTheCallsItServesAndItsResources() {
        HealthGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());

        ChartQueries.assertExported(prometheus, "grpc_server_", "jvm_memory_used", "mongodb_driver_commands");
    }

    @Test
    void reflectionListsServicesForAnAuthenticatedCaller() throws Exception {
        assertThat(listServices(TestIdentityProvider.token("someone", "consultant")))
                .contains("grpc.health.v1.Health");
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        for (String token : new String[] {null, "not-a-jwt", TestIdentityProvider.expiredToken("someone", "consultant"),
                TestIdentityProvider.tokenFromAnotherIssuer("someone", "consultant"),
                TestIdentityProvider.tokenForAnotherAudience("someone", "consultant")}) {
            assertThatThrownBy(() -> listServices(token))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    private static List<String> listServices(String token) throws Exception {
        var stub = ServerReflectionGrpc.newStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
        if (token != null) {
            stub = stub.withCallCredentials(bearer(token));
        }
        List<String> services = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        CountDownLatch done = new CountDownLatch(1);
        StreamObserver<ServerReflectionRequest> requests = stub.serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse response) {
                response.getListServicesResponse().getServiceList().forEach(service -> services.add(service.getName()));
            }

            @Override
            public void onError(Throwable error) {
                failure[0] = error;
                done.countDown();
            }

            @Override
            public void onCompleted() {
                done.countDown();
            }
        });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        if (failure[0] instanceof StatusRuntimeException statusFailure) {
            throw statusFailure;
        }
        if (failure[0] != null) {
            throw new AssertionError("Reflection call failed", failure[0]);
        }
        return services;
    }
}
