package fr.bilan.beneficiary.agreement;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import fr.bilan.proto.notification.internal.v1.AgreementAwaitingSignature;
import fr.bilan.proto.notification.internal.v1.AgreementSettled;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.outbox.UnorderedDeliveries;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * The agreement notices' outbox ({@code outbox=agreement-notice}): what notification-service must
 * still be told of each agreement ({@link AgreementNotice}), so that the employee is written to when
 * the draft awaits their signature and the reminder stops once they answered. The write that makes
 * a new notice due (the draft received, the employee's signature or refusal, a lapse) sets, in the
 * same single-document update, the agreement's {@code notices} marker. The relay tells the notice of
 * the agreement as it stands when sent: one overtaken before delivery is never told (a signature
 * before the draft's notice left tells only that it is settled). Its acknowledgement lands only
 * while the agreement is still in the state it told, so a notice made meanwhile stays pending; each
 * state is entered once, and no order binds two agreements.
 */
@Component
public class AgreementNoticeOutbox implements OutboxDefinition<AgreementNoticeOutbox.PendingNotice> {

    /** The notice an agreement waits to have told, as it stands, with the failures it met. */
    record PendingNotice(Agreement agreement, AgreementNotice notice, int attempts) {

        String eventId() {
            return notice.eventId(agreement.id());
        }
    }

    /** notification-service: {@code spring.grpc.client.channel.notification.*}. */
    static final String NOTIFICATION_CHANNEL = "notification";

    private final OutboxCollection entries;

    AgreementNoticeOutbox(MongoDatabase database) {
        MongoCollection<Document> agreements = database.getCollection(AgreementRepository.COLLECTION);
        this.entries = new OutboxCollection(agreements, AgreementRepository.NOTICES,
                AgreementRepository.NOTICES.field() + "." + AgreementRepository.NOTICE_TIME);
        agreements.createIndex(Indexes.ascending(AgreementRepository.NOTICES.pending(),
                AgreementRepository.NOTICES.nextAttemptTime()));
    }

    @Override
    public String name() {
        return "agreement-notice";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public PendingNotice read(Document pending) {
        Agreement agreement = AgreementRepository.toAgreement(pending);
        AgreementNotice notice = AgreementNotice.of(agreement.state()).orElseThrow(() -> new IllegalStateException(
                "Agreement " + agreement.id() + " has a pending notice but is a draft"));
        return new PendingNotice(agreement, notice, AgreementRepository.NOTICES.attemptsOf(pending));
    }

    /** Acknowledged only while the agreement still stands where the notice told it stood. */
    @Override
    public PendingEntry entry(PendingNotice pending) {
        return new PendingEntry(pending.agreement().id(), pending.attempts(), "Agreement notice " + pending.eventId(),
                Filters.eq(AgreementRepository.STATE, pending.agreement().state().name()));
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        var notifications = receivers.asService(NOTIFICATION_CHANNEL, NotificationIntakeServiceGrpc::newBlockingStub);
        return new UnorderedDeliveries<>(this, (pending, deadline) -> notifications.withDeadline(deadline)
                .recordEvents(RecordEventsRequest.newBuilder().addEvents(event(pending)).build())
                .getRecordedCount() == 1);
    }

    /** The fact, as notification-service's contract words it. */
    static NotificationEvent event(PendingNotice pending) {
        Agreement agreement = pending.agreement();
        NotificationEvent.Builder event = NotificationEvent.newBuilder().setEventId(pending.eventId())
                .setOccurTime(ProtoTime.of(pending.notice().occurTime(agreement)));
        return switch (pending.notice()) {
            case AWAITING_SIGNATURE -> event.setAgreementAwaitingSignature(AgreementAwaitingSignature.newBuilder()
                    .setFundingId(agreement.fundingId()).setBeneficiaryId(agreement.beneficiaryId())
                    .setCentreId(agreement.centreId())
                    .setEmployeeDeadlineDate(ProtoDates.of(agreement.employeeDeadlineDate()))).build();
            case SETTLED -> event.setAgreementSettled(AgreementSettled.newBuilder().setFundingId(agreement.fundingId())
                    .setBeneficiaryId(agreement.beneficiaryId()).setCentreId(agreement.centreId())).build();
        };
    }
}
