package fr.bilan.beneficiary.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import fr.bilan.proto.retention.v1.ConsentChange;
import fr.bilan.proto.retention.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.v1.RetentionServiceGrpc;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * retention-service as the relay sees it, on a free loopback port: takes changes in once per event
 * id (as the real one does), checks the bearer token (signature, issuer, role platform-service),
 * and fails on demand: the next calls, one record's calls, or one acknowledgement lost after the
 * change was taken in.
 */
final class FakeRetention {

    /** One call received: the change, whether it was taken in for the first time, how it was answered. */
    record Call(ConsentChange change, boolean firstDelivery, Status.Code answer) {
    }

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> TOKEN = Context.key("authorization");

    final int port = GrpcServiceTestSupport.freePort();
    private final Server server;
    private final JwtDecoder tokens = NimbusJwtDecoder.withJwkSetUri(TestIdentityProvider.jwksUri()).build();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, ConsentChange> takenIn = new HashMap<>();
    private final Set<String> callers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final Map<String, Status> refused = new ConcurrentHashMap<>();
    private final Set<String> ackToLose = ConcurrentHashMap.newKeySet();

    private FakeRetention() {
        var service = new RetentionServiceGrpc.RetentionServiceImplBase() {
            @Override
            public void recordConsentChange(RecordConsentChangeRequest request,
                    StreamObserver<RecordConsentChangeResponse> response) {
                ConsentChange change = request.getChange();
                Status failure = checkToken();
                if (failure == null && failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    failure = Status.UNAVAILABLE.withDescription("down for the test");
                }
                if (failure == null) {
                    failure = refused.get(change.getEventId());
                }
                if (failure != null) {
                    record(new Call(change, false, failure.getCode()));
                    response.onError(failure.asRuntimeException());
                    return;
                }
                boolean first;
                synchronized (FakeRetention.this) {
                    first = takenIn.putIfAbsent(change.getEventId(), change) == null;
                }
                if (ackToLose.remove(change.getEventId())) {
                    record(new Call(change, first, Status.Code.UNAVAILABLE));
                    response.onError(Status.UNAVAILABLE.withDescription("acknowledgement lost").asRuntimeException());
                    return;
                }
                record(new Call(change, first, Status.Code.OK));
                response.onNext(RecordConsentChangeResponse.newBuilder().setFirstDelivery(first).build());
                response.onCompleted();
            }
        };
        server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .addService(ServerInterceptors.intercept(service, new ServerInterceptor() {
                    @Override
                    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                            ServerCallHandler<Q, R> next) {
                        Context withToken = Context.current().withValue(TOKEN, headers.get(AUTHORIZATION));
                        return Contexts.interceptCall(withToken, call, headers, next);
                    }
                }))
                .build();
    }

    static FakeRetention started() {
        FakeRetention fake = new FakeRetention();
        try {
            fake.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    void stop() {
        server.shutdownNow();
    }

    /** As retention-service's own check would answer; {@code null} when the token is good. */
    private Status checkToken() {
        String header = TOKEN.get();
        if (header == null || !header.startsWith("Bearer ")) {
            return Status.UNAUTHENTICATED;
        }
        try {
            Jwt jwt = tokens.decode(header.substring("Bearer ".length()));
            if (!jwt.getIssuer().toString().equals(TestIdentityProvider.issuer())
                    || !(jwt.getClaims().get("realm_access") instanceof Map<?, ?> access)
                    || !(access.get("roles") instanceof List<?> roles)
                    || !roles.contains(TestIdentityProvider.SERVICE_ROLE)) {
                return Status.PERMISSION_DENIED;
            }
            callers.add(jwt.getSubject());
            return null;
        } catch (JwtException e) {
            return Status.UNAUTHENTICATED;
        }
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** The next {@code count} calls fail with {@code UNAVAILABLE}, whatever they carry. */
    void failNext(int count) {
        failuresToGo.set(count);
    }

    /** Every call carrying this change fails with {@code status} until {@link #accept}. */
    void refuse(String eventId, Status status) {
        refused.put(eventId, status);
    }

    void accept(String eventId) {
        refused.remove(eventId);
    }

    /** No more failures on demand: every pending one is dropped. */
    void heal() {
        failuresToGo.set(0);
        refused.clear();
        ackToLose.clear();
    }

    /** The next call carrying this change takes it in, then fails as if the answer never came back. */
    void loseAcknowledgementOf(String eventId) {
        ackToLose.add(eventId);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> callsFor(String beneficiaryId) {
        return calls.stream().filter(call -> call.change().getBeneficiaryId().equals(beneficiaryId)).toList();
    }

    /** The sequences taken in for the beneficiary, in the order they were. */
    synchronized List<Long> takenIn(String beneficiaryId) {
        return calls.stream().filter(Call::firstDelivery)
                .map(Call::change)
                .filter(change -> change.getBeneficiaryId().equals(beneficiaryId))
                .map(ConsentChange::getSequence)
                .toList();
    }

    synchronized boolean hasTakenIn(String eventId) {
        return takenIn.containsKey(eventId);
    }

    Set<String> callers() {
        return Set.copyOf(callers);
    }
}
