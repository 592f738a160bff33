package fr.bilan.session.notice;

import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.session.assessment.Assessment;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.session.assessment.SessionNotices;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.NotificationFacts;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;

/**
 * The session notices' outbox ({@code outbox=session-notices}), carried by the bilans
 * ({@code assessments}) themselves: a change that makes a new fact for notification-service (a
 * session booked, moved, given to another consultant, cancelled, signed by both or missed; the end
 * of the action) arms the bilan's {@code notices} marker in the same update
 * ({@link AssessmentRepository#NOTICES}). The relay then tells notification-service every fact the
 * bilan stands at ({@link SessionNotices}), in one call: the facts already told are redeliveries it
 * acknowledges without acting, and a change made meanwhile re-arms the marker, so its facts go on
 * the next run. No order binds the bilans, and within one the facts carry their own sequence.
 */
@Component
class SessionNoticeOutbox implements OutboxDefinition<SessionNoticeOutbox.PendingNotices> {

    /** A bilan whose facts wait for delivery, as the marker's {@code version} armed it. */
    record PendingNotices(Assessment assessment, long version, int attempts) {
    }

    /** notification-service: {@code spring.grpc.client.channel.notification.*}. */
    /** The most facts RecordEvents takes a call. */
    static final int MAX_EVENTS_PER_CALL = 500;

    private final OutboxCollection entries;

    SessionNoticeOutbox(MongoDatabase database) {
        // the index of its read is made by the repository, which owns the collection
        this.entries = new OutboxCollection(database.getCollection(AssessmentRepository.COLLECTION),
                AssessmentRepository.NOTICES,
                AssessmentRepository.NOTICES.field() + "." + AssessmentRepository.NOTICES_TIME);
    }

    @Override
    public String name() {
        return "session-notices";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public PendingNotices read(Document assessment) {
        return new PendingNotices(AssessmentRepository.fromDocument(assessment),
                AssessmentRepository.armedVersion(AssessmentRepository.NOTICES, assessment),
                AssessmentRepository.NOTICES.attemptsOf(assessment));
    }

    /** Acknowledging the facts read leaves a later change's pending. */
    @Override
    public PendingEntry entry(PendingNotices pending) {
        Assessment assessment = pending.assessment();
        return new PendingEntry(assessment.id(), pending.attempts(), "Session notices of assessment " + assessment.id()
                + " (centre " + assessment.centreId() + ", version " + pending.version() + ")",
                AssessmentRepository.armedAt(AssessmentRepository.NOTICES, pending.version()));
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var notifications = receivers.asService(NotificationFacts.CHANNEL, NotificationIntakeServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(this, (pending, deadline) -> {
            List<NotificationEvent> events = SessionNotices.of(pending.assessment()).stream()
                    .map(NoticeMessages::toEvent).toList();
            int recorded = 0;
            // a bilan's facts are a few dozen; the cap is the receiver's, kept all the same
            for (int from = 0; from < events.size(); from += MAX_EVENTS_PER_CALL) {
                List<NotificationEvent> call = events.subList(from, Math.min(events.size(), from + MAX_EVENTS_PER_CALL));
                recorded += notifications.withDeadline(deadline)
                        .recordEvents(RecordEventsRequest.newBuilder().addAllEvents(call).build()).getRecordedCount();
            }
            return recorded > 0;
        });
    }
}
