package fr.bilan.notification.template;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import fr.bilan.notification.message.Subject;
import fr.bilan.notification.template.RenderedMessage.Attachment;

/**
 * The {@code .ics} a session's message carries (iTIP, RFC 5546): a REQUEST that adds or updates the
 * event, a CANCEL that removes it. The event has the UID and SEQUENCE of the session's event in
 * session-service's calendar feed and says what that event says (phase, time in UTC, place, video
 * link), so that a calendar holding either updates the same event; never a reason nor any content.
 * The reader is its only attendee, not asked to answer: the centre takes no replies by e-mail.
 */
final class SessionInvitation {

    static final String FILE_NAME = "seance.ics";
    private static final ProdId PRODUCT = new ProdId("-//Bilan de compétences//Messages des séances//FR");

    /** What the attachment does to the reader's calendar. */
    enum Method {
        /** Adds the event, or updates it when its SEQUENCE is higher. */
        REQUEST,
        /** Removes the event. */
        CANCEL
    }

    private SessionInvitation() {
    }

    static Attachment attachment(Method method, Subject.Session session, String attendeeEmail, String organizerEmail,
            String organizerName, Instant now) {
        String text = write(method, session, attendeeEmail, organizerEmail, organizerName, now);
        return new Attachment(FILE_NAME, "text/calendar; charset=UTF-8; method=" + method.name(),
                text.getBytes(StandardCharsets.UTF_8));
    }

    static String write(Method method, Subject.Session session, String attendeeEmail, String organizerEmail,
            String organizerName, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method == Method.REQUEST ? ImmutableMethod.REQUEST : ImmutableMethod.CANCEL);
        calendar.add(event(method, session, attendeeEmail, organizerEmail, organizerName, now));
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException("A string cannot fail to be written", e);
        }
        return text.toString();
    }

    private static VEvent event(Method method, Subject.Session session, String attendeeEmail, String organizerEmail,
            String organizerName, Instant now) {
        VEvent event = new VEvent(false);
        event.add(new Uid(session.calendarUid()));
        event.add(new Sequence(session.sequence()));
        event.add(new DtStamp(now));
        event.add(new DtStart<>(session.start()));
        event.add(new DtEnd<>(session.end()));
        // the calendar feed's summary, word for word: the same event reads the same wherever it comes from
        event.add(new Summary("Bilan de compétences — " + session.phase().frenchName()));
        event.add(new Organizer(new ParameterList(List.of(new Cn(organizerName))), URI.create("mailto:" + organizerEmail)));
        event.add(new Attendee(new ParameterList(List.of(Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, new Rsvp(false))),
                URI.create("mailto:" + attendeeEmail)));
        if (session.remote()) {
            event.add(new Location("Visioconférence"));
            // a link a calendar opens only when it is a web address; as text in any case
            ThymeleafMessageTemplates.webLink(session.videoLink()).ifPresent(link -> event.add(new Url(URI.create(link))));
            event.add(new Description("Lien de la visioconférence : " + session.videoLink()));
        } else {
            event.add(new Location(session.room()));
        }
        event.add(method == Method.REQUEST ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
        // shared calendars show the slot as busy, not what it is
        event.add(ImmutableClazz.PRIVATE);
        return event;
    }
}
