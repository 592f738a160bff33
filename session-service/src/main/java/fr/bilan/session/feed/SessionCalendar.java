package fr.bilan.session.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import fr.bilan.session.assessment.Place;
import fr.bilan.session.assessment.ScheduledSession;

/**
 * Writes a feed as iCalendar (RFC 5545) with ical4j: an event per session, whose UID stays the same
 * through its changes so that calendars update it in place, with SEQUENCE and LAST-MODIFIED from
 * those changes, and the centre as ORGANIZER (which a published event needs, RFC 5546). Times are in UTC: calendars show them in their own zone, and no
 * time zone definition can disagree with the one the session was booked under. Only what the owner
 * may see: the phase, the time and the place; a consultant's events name the bilan by its id, never
 * the beneficiary, and no event carries a cancellation's reason (free text, which may say anything).
 */
final class SessionCalendar {

    private static final ProdId PRODUCT = new ProdId("-//Bilan de compétences//Agenda des séances//FR");
    private static final String NAME = "Séances de bilan de compétences";
    private static final String ORGANIZER_NAME = "Centre de bilan de compétences";

    private SessionCalendar() {
    }

    static String write(FeedOwner.Kind owner, List<FeedEvent> events, Instant now, Duration refreshInterval) {
        Calendar calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new Name(NAME));
        calendar.add(new XProperty("X-WR-CALNAME", NAME));
        // RFC 7986's hint, and the older one that Outlook and Google Calendar read
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), refreshInterval));
        calendar.add(new XProperty("X-PUBLISHED-TTL", refreshInterval.toString()));
        events.forEach(event -> calendar.add(event(owner, event, now)));
        StringWriter text = new StringWriter();
        try {
            // not validated on every read (the tests validate it): a feed without any session, valid
            // for every calendar application, would be logged as invalid, RFC 5545 wanting a component
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException("A string cannot fail to be written", e);
        }
        return text.toString();
    }

    private static VEvent event(FeedOwner.Kind owner, FeedEvent event, Instant now) {
        ScheduledSession session = event.session();
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(session.calendarUid(event.assessment().id())));
        vevent.add(new DtStamp(now));
        vevent.add(new DtStart<>(session.slot().start()));
        vevent.add(new DtEnd<>(session.slot().end()));
        vevent.add(new Summary("Bilan de compétences — " + session.phase().frenchName()));
        vevent.add(new Organizer(new ParameterList(List.of(new Cn(ORGANIZER_NAME))),
                URI.create("urn:bilan:centres:" + event.assessment().centreId())));
        List<String> description = new ArrayList<>();
        Place place = session.place();
        if (place.isRemote()) {
            vevent.add(new Location("Visioconférence"));
            vevent.add(new Url(URI.create(place.videoLink())));
            description.add("Lien de la visioconférence : " + place.videoLink());
        } else {
            vevent.add(new Location(place.roomId()));
        }
        if (owner == FeedOwner.Kind.CONSULTANT) {
            description.add("Bilan " + event.assessment().id());
        }
        if (!description.isEmpty()) {
            vevent.add(new Description(String.join("\n", description)));
        }
        vevent.add(new Sequence(session.sequence()));
        vevent.add(new LastModified(session.changeTime()));
        vevent.add(session.holdsSlot() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_CANCELLED);
        // shared calendars show the slot as busy, not what it is
        vevent.add(ImmutableClazz.PRIVATE);
        return vevent;
    }
}
