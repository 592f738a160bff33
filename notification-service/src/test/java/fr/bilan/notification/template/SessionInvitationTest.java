package fr.bilan.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Subject;

/**
 * The {@code .ics} of a session's messages, read back with ical4j as a calendar reads it: the method
 * that adds, updates or removes the event, the UID and SEQUENCE of the session's event in the calendar
 * feed, the times, the place, the reader as attendee; valid iCalendar.
 */
class SessionInvitationTest {

    private static final ThymeleafMessageTemplates TEMPLATES = new ThymeleafMessageTemplates(
            Clock.fixed(ThymeleafMessageTemplatesTest.NOW, ZoneOffset.UTC), "ne-pas-repondre@centre.exemple.fr");

    static Stream<Arguments> sessionMessages() {
        return Stream.of(
                Arguments.of(NotificationKind.CONVOCATION, "REQUEST", "CONFIRMED"),
                Arguments.of(NotificationKind.SESSION_CHANGED, "REQUEST", "CONFIRMED"),
                Arguments.of(NotificationKind.SESSION_CANCELLED, "CANCEL", "CANCELLED"));
    }

    private static Calendar icsOf(NotificationKind kind, Subject.Session session) throws Exception {
        RenderedMessage message = TEMPLATES.render(ThymeleafMessageTemplatesTest.letter(kind, session));
        assertThat(message.attachments()).hasSize(1);
        RenderedMessage.Attachment ics = message.attachments().get(0);
        assertThat(ics.contentType()).startsWith("text/calendar; charset=UTF-8; method=");
        return new CalendarBuilder().build(new StringReader(new String(ics.content(), StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sessionMessages")
    void theIcsUpdatesTheSessionsEventOfTheCalendarFeed(NotificationKind kind, String method, String status)
            throws Exception {
        Subject.Session session = ThymeleafMessageTemplatesTest.session("Salle Voltaire", null);

        Calendar calendar = icsOf(kind, session);
        calendar.validate();

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        RenderedMessage.Attachment attachment = TEMPLATES.render(ThymeleafMessageTemplatesTest.letter(kind, session))
                .attachments().get(0);
        assertThat(attachment.contentType()).endsWith("method=" + method);
        assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSize(1);
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("assessment-7f3a.session-2@bilan-competences");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(event, Property.STATUS)).isEqualTo(status);
        assertThat(instant(event.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2026-12-08T13:00:00Z"));
        assertThat(value(event, Property.DTEND)).isEqualTo("20261208T150000Z");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261201T070000Z");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Bilan de compétences — phase d'investigation");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Salle Voltaire");
        assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:camille@exemple.fr");
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:ne-pas-repondre@centre.exemple.fr");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Centre Horizon");
    }

    @Test
    void aRemoteSessionsEventCarriesItsVideoLink() throws Exception {
        VEvent event = icsOf(NotificationKind.CONVOCATION,
                ThymeleafMessageTemplatesTest.session(null, "https://visio.exemple.fr/abc")).<VEvent>getComponent("VEVENT")
                .orElseThrow();

        assertThat(value(event, Property.LOCATION)).isEqualTo("Visioconférence");
        assertThat(value(event, Property.URL)).isEqualTo("https://visio.exemple.fr/abc");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Lien de la visioconférence : https://visio.exemple.fr/abc");
    }

    @Test
    void aVideoLinkThatIsNoWebAddressIsNoUrlOfTheEvent() throws Exception {
        VEvent event = icsOf(NotificationKind.CONVOCATION,
                ThymeleafMessageTemplatesTest.session(null, "salle virtuelle 12")).<VEvent>getComponent("VEVENT")
                .orElseThrow();

        assertThat(event.getProperty(Property.URL)).isEmpty();
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Lien de la visioconférence : salle virtuelle 12");
    }

    @Test
    void theEventsOrganiserIsTheSendersAddressWithoutItsDisplayName() throws Exception {
        ThymeleafMessageTemplates templates = new ThymeleafMessageTemplates(Clock.systemUTC(),
                "Bilan de compétences <ne-pas-repondre@bilan.localhost>");
        RenderedMessage message = templates.render(ThymeleafMessageTemplatesTest.letter(NotificationKind.CONVOCATION,
                ThymeleafMessageTemplatesTest.session("Salle 1", null)));
        VEvent event = new CalendarBuilder().build(new StringReader(new String(message.attachments().get(0).content(),
                StandardCharsets.UTF_8))).<VEvent>getComponent("VEVENT").orElseThrow();

        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:ne-pas-repondre@bilan.localhost");
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    private static Instant instant(Temporal temporal) {
        return Instant.from(temporal);
    }
}
