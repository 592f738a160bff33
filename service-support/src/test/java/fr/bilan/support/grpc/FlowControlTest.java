package fr.bilan.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

class FlowControlTest {

    @Test
    void waitsUntilTheCallIsReadyBeforeEachMessage() {
        // not ready for the first three looks before each message
        Call call = new Call(3);

        Consumer<String> send = FlowControl.paced(call);
        send.accept("un");
        send.accept("deux");

        assertThat(call.sent).containsExactly("un", "deux");
        assertThat(call.readinessLooks.get()).isEqualTo(8);
    }

    @Test
    void aCallCancelledWhileWaitingEndsTheStreamWithCancelled() {
        Call call = new Call(Integer.MAX_VALUE);
        call.cancelled = true;

        assertThatThrownBy(() -> FlowControl.paced(call).accept("un"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED));
        assertThat(call.sent).isEmpty();
    }

    @Test
    void aPlainObserverIsSentToAtOnce() {
        List<String> received = new ArrayList<>();
        StreamObserver<String> observer = new StreamObserver<>() {
            @Override
            public void onNext(String value) {
                received.add(value);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };

        FlowControl.paced(observer).accept("un");

        assertThat(received).containsExactly("un");
    }

    /** A server call that is not ready for {@code notReadyLooks} looks before each message. */
    private static final class Call extends ServerCallStreamObserver<String> {

        private final int notReadyLooks;
        private final AtomicInteger readinessLooks = new AtomicInteger();
        private final List<String> sent = new ArrayList<>();
        private int looksSinceLastMessage;
        private volatile boolean cancelled;

        Call(int notReadyLooks) {
            this.notReadyLooks = notReadyLooks;
        }

        @Override
        public boolean isReady() {
            readinessLooks.incrementAndGet();
            return looksSinceLastMessage++ >= notReadyLooks;
        }

        @Override
        public void onNext(String value) {
            assertThat(looksSinceLastMessage).as("sent before ready").isGreaterThan(notReadyLooks);
            sent.add(value);
            looksSinceLastMessage = 0;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
