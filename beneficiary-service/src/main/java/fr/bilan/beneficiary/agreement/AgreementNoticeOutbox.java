package fr.bilan.beneficiary.agreement;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import fr.bilan.proto.notification.internal.v1.AgreementAwaitingSignature;
import fr.bilan.proto.notification.internal.v1.AgreementSettled;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.NotificationFacts;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * The agreement notices' outbox ({@code outbox=agreement-notice}): what notification-service must
 * still be told of each agreement ({@link AgreementNotice}), so that the employee is written to
 * when the draft awaits their signature and reminded no more once it is settled. The write that
 * makes a new notice due (the draft received, the employee's signature or refusal, a lapse, the
 * funding cancelled meanwhile) sets, in the same single-document update, the agreement's
 * {@code notices} marker. The relay tells the notice of the agreement as it stands when the relay reads
 * it: one overtaken before that is never told (a signature before the draft's notice was read
 * tells only that it is settled). Its acknowledgement lands only while the agreement still stands
 * where the notice told it stood, so a notice made while the one before was in flight stays
 * pending; each state is entered once, and no order binds two agreements.
 */
@Component
public class AgreementNoticeOutbox implements OutboxDefinition<AgreementNoticeOutbox.PendingNotice> {

    /**
     * The notice an agreement waits to have told, as it stands (with when its funding was cancelled
     * while it awaited a signature), with the failures it met.
     */
    record PendingNotice(Agreement agreement, Optional<Instant> fundingCancelTime, AgreementNotice notice,
            int attempts) {

        String eventId() {
            return notice.eventId(agreement.id());
        }
    }

    /** notification-service: {@code spring.grpc.client.channel.notification.*}. */

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
        Optional<Instant> fundingCancelTime = AgreementRepository.fundingCancelTime(pending);
        AgreementNotice notice = AgreementNotice.of(agreement.state(), fundingCancelTime).orElseThrow(
                () -> new IllegalStateException("Agreement " + agreement.id() + " has a pending notice but is a draft"));
        return new PendingNotice(agreement, fundingCancelTime, notice, AgreementRepository.NOTICES.attemptsOf(pending));
    }

    /**
     * Acknowledged only while the agreement still stands where the notice told it stood: same state,
     * its funding's cancellation recorded or not as it was.
     */
    @Override
    public PendingEntry entry(PendingNotice pending) {
        return new PendingEntry(pending.agreement().id(), pending.attempts(), "Agreement notice " + pending.eventId(),
                Filters.and(Filters.eq(AgreementRepository.STATE, pending.agreement().state().name()),
                        Filters.exists(AgreementRepository.FUNDING_CANCEL_TIME,
                                pending.fundingCancelTime().isPresent())));
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        return NotificationFacts.oneEach(this, receivers, AgreementNoticeOutbox::event);
    }

    /** The fact, as notification-service's contract words it. */
    static NotificationEvent event(PendingNotice pending) {
        Agreement agreement = pending.agreement();
        NotificationEvent.Builder event = NotificationEvent.newBuilder().setEventId(pending.eventId())
                .setOccurTime(ProtoTime.of(pending.notice().occurTime(agreement, pending.fundingCancelTime())));
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
