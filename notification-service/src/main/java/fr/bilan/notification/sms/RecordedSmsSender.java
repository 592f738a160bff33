package fr.bilan.notification.sms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The default {@link SmsSender}: no provider, nothing leaves. Each message is recorded instead (the
 * last {@value #KEPT} in memory, for a look in tests or a debugger; a count,
 * {@code bilan_sms_total{outcome="recorded"}}; a log line naming the recipient's id and the kind, never
 * the number nor the text).
 */
public final class RecordedSmsSender implements SmsSender {

    static final int KEPT = 100;
    private static final Logger log = LoggerFactory.getLogger(RecordedSmsSender.class);

    private final Deque<TextMessage> recorded = new ArrayDeque<>();
    private final Counter count;

    public RecordedSmsSender(MeterRegistry registry) {
        this.count = Counter.builder("bilan.sms").description("Text messages handed to the SMS port")
                .tag("outcome", "recorded").register(registry);
    }

    @Override
    public synchronized void send(TextMessage message) {
        if (recorded.size() == KEPT) {
            recorded.removeFirst();
        }
        recorded.addLast(message);
        count.increment();
        log.info("SMS {} for {} recorded, not sent: no SMS provider is configured", message.kind(), message.recipientId());
    }

    /** The last messages recorded, oldest first. */
    public synchronized List<TextMessage> recorded() {
        return List.copyOf(recorded);
    }
}
