package fr.bilan.support.grpc;

import java.util.function.Consumer;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * A server stream sent from a blocking handler no faster than the client takes it in: before each
 * message, the sender waits while the call's outgoing buffer is full ({@code isReady()} false), so
 * that a slow client holds back the producer instead of the server buffering the whole stream.
 * gRPC delivers its on-ready callback through the call's own executor, which the sending handler
 * occupies, so the wait polls, backing off from 1 ms to {@value #MAX_PAUSE_MILLIS} ms. A call
 * cancelled meanwhile (the client gone, its deadline passed) ends the wait with {@code CANCELLED}.
 */
public final class FlowControl {

    static final long MAX_PAUSE_MILLIS = 50;

    private FlowControl() {
    }

    /** Sends each message given to {@code response} once the call is ready for it. */
    public static <T> Consumer<T> paced(StreamObserver<T> response) {
        if (!(response instanceof ServerCallStreamObserver<T> call)) {
            return response::onNext;
        }
        return message -> {
            awaitReady(call);
            call.onNext(message);
        };
    }

    static void awaitReady(ServerCallStreamObserver<?> call) {
        long pause = 1;
        while (!call.isReady()) {
            if (call.isCancelled()) {
                throw Status.CANCELLED.withDescription("Appel annulé par le client.").asRuntimeException();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Status.CANCELLED.withDescription("Envoi interrompu.").withCause(e).asRuntimeException();
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }
}
