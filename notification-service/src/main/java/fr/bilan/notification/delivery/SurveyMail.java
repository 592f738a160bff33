package fr.bilan.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.planning.Fact;
import fr.bilan.notification.planning.Planner;
import fr.bilan.notification.recipient.Reach;
import fr.bilan.notification.recipient.Recipients;
import fr.bilan.notification.template.MessageTemplates;
import fr.bilan.notification.template.RenderedMessage;

/**
 * Sends a satisfaction survey's invitation or reminder at once, in the intake's call: its link is the
 * credential that opens the survey, so it goes into the message and is kept nowhere, the message's record
 * written only with what became of it. A mail server that cannot take it now fails the call
 * ({@link MailUnavailable}): the producer delivers the fact again, with the link, and nothing was recorded.
 * The message's id comes from the fact's, so a redelivered fact whose message left already sends nothing.
 * A funder's yearly survey goes the same way to the contact its fact names, whose name and address are
 * used for that message and kept nowhere either.
 */
public final class SurveyMail {

    static final String REMINDERS_OFF = "Le bénéficiaire a désactivé les rappels.";
    private static final Logger log = LoggerFactory.getLogger(SurveyMail.class);

    private final Notifications notifications;
    private final Recipients recipients;
    private final Letters letters;
    private final MessageTemplates templates;
    private final Mailer mailer;

    SurveyMail(Notifications notifications, Recipients recipients, Letters letters, MessageTemplates templates,
            Mailer mailer) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.letters = letters;
        this.templates = templates;
        this.mailer = mailer;
    }

    /** Sends the message of {@code fact} (event {@code eventId}) now, once; what became of it is recorded. */
    public Notification send(String eventId, Fact.SurveyInvitation fact, boolean remindersEnabled, Instant now) {
        NotificationKind kind = fact.survey().reminder() == 0 ? NotificationKind.SURVEY_INVITATION
                : NotificationKind.SURVEY_REMINDER;
        Notification message = message(eventId, kind, fact.centreId(), new Recipient.Beneficiary(fact.beneficiaryId()),
                fact.survey().assessmentId(), fact.survey(), now);
        Optional<Notification> known = notifications.byId(message.id());
        if (known.isPresent()) {
            return known.get();
        }
        if (kind.reminder() && !remindersEnabled) {
            return record(message.withdrawn(REMINDERS_OFF, now));
        }
        Reach reach = recipients.reach(message.recipient(), kind);
        if (reach instanceof Reach.Nowhere nowhere) {
            return record(message.undeliverable(nowhere.reason(), now));
        }
        return deliver(message, (Reach.Address) reach, fact.linkUrl(), now);
    }

    /** Sends the message of a funder's survey {@code fact} (event {@code eventId}) now, once, to its contact. */
    public Notification send(String eventId, Fact.FunderSurveyInvitation fact, Instant now) {
        NotificationKind kind = fact.survey().reminder() == 0 ? NotificationKind.FUNDER_SURVEY_INVITATION
                : NotificationKind.FUNDER_SURVEY_REMINDER;
        // no bilan: the record is the centre's, about the survey and its funder
        Notification message = message(eventId, kind, fact.centreId(), new Recipient.FunderContact(fact.survey().surveyId()),
                null, fact.survey(), now);
        Optional<Notification> known = notifications.byId(message.id());
        if (known.isPresent()) {
            return known.get();
        }
        return deliver(message, new Reach.Address(fact.emailAddress(), fact.contactName()), fact.linkUrl(), now);
    }

    /** The message of the fact {@code eventId}: its id from the fact's, so a redelivery finds it. */
    private static Notification message(String eventId, NotificationKind kind, String centreId, Recipient recipient,
            String assessmentId, Subject subject, Instant now) {
        String key = eventId + "/" + kind.name();
        return Notification.planned(Planner.idOf(key), key, kind, centreId, recipient, assessmentId, subject, now);
    }

    private Notification deliver(Notification message, Reach.Address address, String link, Instant now) {
        NotificationKind kind = message.kind();
        RenderedMessage written = templates.render(letters.letter(message, address, Map.of(), URI.create(link)));
        try {
            mailer.send(message.id(), address.email(), written);
        } catch (MailException e) {
            MailFailure failure = MailFailure.of(e);
            // a server's reply may quote the address, which is logged no more than it is kept
            String detail = String.valueOf(failure.detail()).replace(address.email(), "<destinataire>");
            if (failure.permanent()) {
                log.error("Message {} ({}) refused for good by the mail server: {} {}", message.id(), kind,
                        failure.replyCode(), detail);
                return record(message.failed(Dispatcher.refusedForGood(failure.replyCode()), written.templateVersion(),
                        now));
            }
            log.warn("Message {} ({}) not taken by the mail server for now: {} {}; the fact will be delivered again",
                    message.id(), kind, failure.replyCode(), detail);
            throw new MailUnavailable(detail, e);
        }
        return record(message.sent(written.templateVersion(), now));
    }

    private Notification record(Notification settled) {
        notifications.plan(settled);
        return settled;
    }
}
