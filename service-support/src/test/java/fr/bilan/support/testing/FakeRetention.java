package fr.bilan.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.google.protobuf.Message;

import fr.bilan.proto.retention.internal.v1.ActionEnd;
import fr.bilan.proto.retention.internal.v1.ConsentChange;
import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RecordActionEndResponse;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.proto.retention.internal.v1.StoredDocument;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * retention-service as the outbox relays see it, on a free loopback port: takes consent changes,
 * action ends and stored documents in once per event id, refuses the event ids the real one
 * refuses, checks the bearer token (signature, issuer, role platform-service), as the real one does
 * ({@link RetentionIntakeContract}, run on both), and fails on demand: the next calls, one event's
 * calls, or one acknowledgement lost after the event was taken in.
 */
public final class FakeRetention {

    /** One call received: the event, whether it was taken in for the first time, how it was answered. */
    public record Call(Message event, String eventId, String beneficiaryId, boolean firstDelivery, Status.Code answer) {

        public ConsentChange change() {
            return (ConsentChange) event;
        }

        public ActionEnd actionEnd() {
            return (ActionEnd) event;
        }

        public StoredDocument document() {
            return (StoredDocument) event;
        }
    }

    public final int port = GrpcServiceTestSupport.freePort();
    private final Server server;
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> takenIn = new HashSet<>();
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
                takeIn(change, "change.", change.getEventId(), change.getBeneficiaryId(), response,
                        first -> RecordConsentChangeResponse.newBuilder().setFirstDelivery(first).build());
            }

            @Override
            public void recordActionEnd(RecordActionEndRequest request, StreamObserver<RecordActionEndResponse> response) {
                ActionEnd end = request.getActionEnd();
                takeIn(end, "action_end.", end.getEventId(), end.getBeneficiaryId(), response,
                        first -> RecordActionEndResponse.newBuilder().setFirstDelivery(first).build());
            }

            @Override
            public void registerDocument(RegisterDocumentRequest request, StreamObserver<RegisterDocumentResponse> response) {
                StoredDocument document = request.getDocument();
                takeIn(document, "document.", document.getEventId(), document.getBeneficiaryId(), response,
                        first -> RegisterDocumentResponse.newBuilder().setFirstDelivery(first).build());
            }
        };
        server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .addService(PlatformCallers.withTokens(service))
                .build();
    }

    /** A fake listening until the test JVM ends. */
    public static FakeRetention started() {
        FakeRetention fake = new FakeRetention();
        try {
            fake.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake.server::shutdownNow));
        return fake;
    }

    /** @param prefix the event's field in its request, as refusals name it ({@code change.}) */
    private <R> void takeIn(Message event, String prefix, String eventId, String beneficiaryId,
            StreamObserver<R> response, Function<Boolean, R> acknowledgement) {
        StatusRuntimeException failure = PlatformCallers.refusalOrNoted(callers);
        if (failure == null && failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failure = Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException();
        }
        if (failure == null) {
            // the real service's own check of an id: a sender's event id that it would never take in
            // must fail the sender's own tests, not only the end-to-end ones (RetentionIntakeContract)
            failure = refusal(() -> new FieldViolations().requireText(prefix + "event_id", eventId, Lookups.MAX_ID_LENGTH)
                    .throwIfAny());
        }
        if (failure == null && refused.containsKey(eventId)) {
            failure = refused.get(eventId).asRuntimeException();
        }
        if (failure != null) {
            record(new Call(event, eventId, beneficiaryId, false, failure.getStatus().getCode()));
            response.onError(failure);
            return;
        }
        boolean first;
        synchronized (this) {
            first = takenIn.add(eventId);
        }
        if (ackToLose.remove(eventId)) {
            record(new Call(event, eventId, beneficiaryId, first, Status.Code.UNAVAILABLE));
            response.onError(Status.UNAVAILABLE.withDescription("acknowledgement lost").asRuntimeException());
            return;
        }
        record(new Call(event, eventId, beneficiaryId, first, Status.Code.OK));
        response.onNext(acknowledgement.apply(first));
        response.onCompleted();
    }

    private static StatusRuntimeException refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (StatusRuntimeException e) {
            return e;
        }
    }


    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** The next {@code count} calls fail with {@code UNAVAILABLE}, whatever they carry. */
    public void failNext(int count) {
        failuresToGo.set(count);
    }

    /** Every call carrying this event fails with {@code status} until {@link #accept}. */
    public void refuse(String eventId, Status status) {
        refused.put(eventId, status);
    }

    public void accept(String eventId) {
        refused.remove(eventId);
    }

    /** No more failures on demand: every pending one is dropped. */
    public void heal() {
        failuresToGo.set(0);
        refused.clear();
        ackToLose.clear();
    }

    /** The next call carrying this event takes it in, then fails as if the answer never came back. */
    public void loseAcknowledgementOf(String eventId) {
        ackToLose.add(eventId);
    }

    /** The calls about the beneficiary's events, in the order they came. */
    public synchronized List<Call> callsFor(String beneficiaryId) {
        return calls.stream().filter(call -> call.beneficiaryId().equals(beneficiaryId)).toList();
    }

    /** The sequences of the beneficiary's consent changes taken in, in the order they were. */
    public synchronized List<Long> takenIn(String beneficiaryId) {
        return callsFor(beneficiaryId).stream().filter(Call::firstDelivery)
                .map(Call::change)
                .map(ConsentChange::getSequence)
                .toList();
    }

    public synchronized boolean hasTakenIn(String eventId) {
        return takenIn.contains(eventId);
    }

    public Set<String> callers() {
        return Set.copyOf(callers);
    }
}
