package fr.bilan.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import fr.bilan.notification.message.Subject;
import fr.bilan.notification.template.MessageTemplates;
import fr.bilan.notification.template.RenderedMessage;

/**
 * A trivial {@link MessageTemplates} for the dispatcher's tests, whatever the real templates say: the
 * subject names the kind and what it is about, the parts show what the letter carried, and a session's
 * message carries an {@code .ics}. Primary, so it stays in place once the real templates are a bean.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestTemplates {

    static final String VERSION = "test-1";

    @Bean
    @Primary
    MessageTemplates trivialTemplates() {
        return letter -> {
            String line = letter.greetingName() + " | " + letter.centreName() + " | " + letter.zone() + " | "
                    + letter.consultantName() + " | " + letter.link();
            List<RenderedMessage.Attachment> ics = letter.subject() instanceof Subject.Session session
                    ? List.of(new RenderedMessage.Attachment("seance.ics", "text/calendar; method=REQUEST",
                            ("BEGIN:VCALENDAR\r\nUID:" + session.calendarUid() + "\r\nEND:VCALENDAR\r\n")
                                    .getBytes(StandardCharsets.UTF_8)))
                    : List.of();
            return new RenderedMessage(VERSION, letter.kind() + " " + letter.subject().reference(),
                    "<!DOCTYPE html><html lang=\"fr\"><body><p>" + line + "</p></body></html>", line, ics);
        };
    }
}
