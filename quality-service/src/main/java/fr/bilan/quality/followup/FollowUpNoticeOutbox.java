package fr.bilan.quality.followup;

import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import fr.bilan.proto.notification.internal.v1.FollowUpAccepted;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecordRepository;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.NotificationFacts;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * The follow-up notice outbox ({@code outbox=follow-up-notice}): the beneficiaries' acceptances from the
 * survey's link still to tell their consultant through notification-service, one armed per follow-up at a
 * time (its {@code notice}, armed with the acceptance). The beneficiary is read from the bilan's facts when
 * delivered, so that the follow-ups hold no identity. Delivered by {@link NotificationFacts}.
 */
@Component
class FollowUpNoticeOutbox implements OutboxDefinition<FollowUpNoticeOutbox.PendingNotice> {


    /** A notice due: its follow-up, and what the fact needs. */
    record PendingNotice(PendingEntry entry, String assessmentId, String centreId, String consultantId, Date dueDate,
            String eventId, Date acceptTime) {
    }

    private final OutboxCollection entries;
    private final BilanRecords bilans;

    FollowUpNoticeOutbox(MongoDatabase database, BilanRecords bilans) {
        this.entries = new OutboxCollection(database.getCollection(FollowUpRepository.COLLECTION),
                FollowUpRepository.NOTICE, FollowUpRepository.NOTICE.field() + "." + FollowUpRepository.NOTICE_TIME);
        this.bilans = bilans;
    }

    @Override
    public String name() {
        return "follow-up-notice";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public Bson projection() {
        return Projections.include("centreId", "dueDate", FollowUpRepository.NOTICE.field());
    }

    @Override
    public PendingNotice read(Document followUp) {
        Document notice = followUp.get(FollowUpRepository.NOTICE.field(), Document.class);
        String eventId = notice.getString(FollowUpRepository.NOTICE_EVENT);
        // another acceptance re-arms the notice: an acknowledgement of this one must not settle it
        PendingEntry entry = new PendingEntry(followUp.getString("_id"), FollowUpRepository.NOTICE.attemptsOf(followUp),
                eventId, Filters.eq(FollowUpRepository.NOTICE.field() + "." + FollowUpRepository.NOTICE_EVENT, eventId));
        return new PendingNotice(entry, followUp.getString("_id"), followUp.getString("centreId"),
                notice.getString(FollowUpRepository.NOTICE_CONSULTANT), followUp.getDate("dueDate"), eventId,
                notice.getDate(FollowUpRepository.NOTICE_TIME));
    }

    @Override
    public PendingEntry entry(PendingNotice notice) {
        return notice.entry();
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        return NotificationFacts.oneEach(this, receivers, this::event);
    }

    /** The fact of {@code notice}, its beneficiary read now. */
    NotificationEvent event(PendingNotice notice) {
        BilanRecord bilan = bilans.byId(notice.assessmentId()).orElseThrow(() -> new IllegalStateException(
                "follow-up " + notice.assessmentId() + ": no facts of its bilan to name its beneficiary"));
        return NotificationEvent.newBuilder().setEventId(notice.eventId())
                .setOccurTime(ProtoTime.of(notice.acceptTime().toInstant()))
                .setFollowUpAccepted(FollowUpAccepted.newBuilder().setAssessmentId(notice.assessmentId())
                        .setBeneficiaryId(bilan.beneficiaryId()).setCentreId(notice.centreId())
                        .setConsultantId(notice.consultantId())
                        .setDueDate(ProtoDates.of(BilanRecordRepository.localDay(notice.dueDate()))))
                .build();
    }
}
