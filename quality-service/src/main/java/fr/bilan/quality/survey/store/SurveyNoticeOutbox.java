package fr.bilan.quality.survey.store;

import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import fr.bilan.proto.notification.internal.v1.FunderSurveyInvitation;
import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.SurveyInvitation;
import fr.bilan.proto.notification.internal.v1.SurveyKind;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.survey.FunderAddressees;
import fr.bilan.quality.survey.link.SurveyLinks;
import fr.bilan.support.outbox.OutboxCollection;
import fr.bilan.support.outbox.OutboxDefinition;
import fr.bilan.support.outbox.NotificationFacts;
import fr.bilan.support.outbox.OutboxReceivers;
import fr.bilan.support.outbox.OutboxRelay;
import fr.bilan.support.outbox.PendingEntry;
import fr.bilan.support.time.ProtoTime;

/**
 * The survey-notice outbox ({@code outbox=survey-notice}): the invitations and reminders still to hand to
 * notification-service, one armed per survey at a time (its {@code notice}). The link is derived again when
 * delivered, never stored: the entry holds the survey's id and salt, which open nothing without the link key.
 * The beneficiary is read from the bilan's facts then, so that the surveys hold no identity; a funder's
 * survey goes as a {@code FunderSurveyInvitation} to the contact the funders' store names then (a contact
 * changed meanwhile receives the reminders). Delivered by {@link NotificationFacts}.
 */
@Component
public class SurveyNoticeOutbox implements OutboxDefinition<SurveyNoticeOutbox.PendingNotice> {


    /** A notice due: its survey, its message, and what the fact needs. */
    public record PendingNotice(PendingEntry entry, String surveyId, String assessmentId, String funderId,
            Integer year, String centreId, fr.bilan.quality.survey.SurveyKind kind, int reminder, String eventId,
            String linkSalt, Date expireTime, Date armTime) {
    }

    private final OutboxCollection entries;
    private final BilanRecords bilans;
    private final SurveyLinks links;
    private final FunderAddressees funders;

    SurveyNoticeOutbox(MongoDatabase database, BilanRecords bilans, SurveyLinks links, FunderAddressees funders) {
        this.entries = new OutboxCollection(database.getCollection(SurveyRepository.COLLECTION), SurveyRepository.NOTICE,
                SurveyRepository.NOTICE.field() + "." + SurveyRepository.NOTICE_TIME);
        this.bilans = bilans;
        this.links = links;
        this.funders = funders;
    }

    @Override
    public String name() {
        return "survey-notice";
    }

    @Override
    public OutboxCollection entries() {
        return entries;
    }

    @Override
    public Bson projection() {
        return Projections.include("assessmentId", "funderId", "year", "centreId", "kind", "linkSalt", "expireTime",
                SurveyRepository.NOTICE.field());
    }

    @Override
    public PendingNotice read(Document survey) {
        Document notice = survey.get(SurveyRepository.NOTICE.field(), Document.class);
        String eventId = notice.getString(SurveyRepository.NOTICE_EVENT);
        // a later reminder re-arms the notice: an acknowledgement of this one must not settle it
        PendingEntry entry = new PendingEntry(survey.getString("_id"), SurveyRepository.NOTICE.attemptsOf(survey),
                eventId, Filters.eq(SurveyRepository.NOTICE.field() + "." + SurveyRepository.NOTICE_EVENT, eventId));
        return new PendingNotice(entry, survey.getString("_id"), survey.getString("assessmentId"),
                survey.getString("funderId"), survey.getInteger("year"), survey.getString("centreId"),
                fr.bilan.quality.survey.SurveyKind.valueOf(survey.getString("kind")),
                notice.getInteger(SurveyRepository.NOTICE_REMINDER, 0), eventId, survey.getString("linkSalt"),
                survey.getDate("expireTime"), notice.getDate(SurveyRepository.NOTICE_TIME));
    }

    @Override
    public PendingEntry entry(PendingNotice notice) {
        return notice.entry();
    }

    @Override
    public OutboxRelay.Deliveries deliveries(OutboxReceivers receivers) {
        return NotificationFacts.oneEach(this, receivers, this::event);
    }

    /** The fact of {@code notice}, its link derived now. */
    NotificationEvent event(PendingNotice notice) {
        if (notice.kind() == fr.bilan.quality.survey.SurveyKind.FUNDER_YEARLY) {
            return funderEvent(notice);
        }
        BilanRecord bilan = bilans.byId(notice.assessmentId()).orElseThrow(() -> new IllegalStateException(
                "survey " + notice.surveyId() + ": no facts of its bilan to reach its beneficiary"));
        String token = links.token(notice.surveyId(), notice.linkSalt());
        return NotificationEvent.newBuilder().setEventId(notice.eventId())
                .setOccurTime(ProtoTime.of(notice.armTime().toInstant()))
                .setSurveyInvitation(SurveyInvitation.newBuilder().setSurveyId(notice.surveyId())
                        .setAssessmentId(notice.assessmentId()).setBeneficiaryId(bilan.beneficiaryId())
                        .setCentreId(notice.centreId())
                        .setKind(notice.kind() == fr.bilan.quality.survey.SurveyKind.END_OF_BILAN
                                ? SurveyKind.SURVEY_KIND_END_OF_BILAN : SurveyKind.SURVEY_KIND_FOLLOW_UP)
                        .setReminder(notice.reminder()).setLinkUrl(links.url(token))
                        .setExpireTime(ProtoTime.of(notice.expireTime().toInstant())))
                .build();
    }

    private NotificationEvent funderEvent(PendingNotice notice) {
        FunderAddressees.Addressee addressee = funders.of(notice.centreId(), notice.funderId())
                .orElseThrow(() -> new IllegalStateException("survey " + notice.surveyId() + ": funder "
                        + notice.funderId() + " has no contact to reach"));
        String token = links.token(notice.surveyId(), notice.linkSalt());
        return NotificationEvent.newBuilder().setEventId(notice.eventId())
                .setOccurTime(ProtoTime.of(notice.armTime().toInstant()))
                .setFunderSurveyInvitation(FunderSurveyInvitation.newBuilder().setSurveyId(notice.surveyId())
                        .setCentreId(notice.centreId()).setFunderName(addressee.funderName())
                        .setContactName(addressee.contactName()).setEmailAddress(addressee.emailAddress())
                        .setYear(notice.year()).setReminder(notice.reminder()).setLinkUrl(links.url(token))
                        .setExpireTime(ProtoTime.of(notice.expireTime().toInstant())))
                .build();
    }
}
