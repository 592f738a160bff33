package fr.bilan.notification.preview;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.template.MessageTemplates;
import fr.bilan.notification.template.RenderedMessage;

/**
 * A kind of message written with its current template from sample data, as its reader would get it
 * today, linking to the application: how a centre checks a template's wording before people receive it.
 */
@Component
public class NotificationPreviews {

    private final MessageTemplates templates;
    private final Clock clock;
    private final URI applicationUrl;

    NotificationPreviews(MessageTemplates templates, Clock clock,
            @Value("${bilan.notification.application-url:http://localhost:3000}") URI applicationUrl) {
        this.templates = templates;
        this.clock = clock;
        this.applicationUrl = applicationUrl;
    }

    public RenderedMessage preview(NotificationKind kind) {
        return templates.render(SampleLetters.of(kind, LocalDate.now(clock.withZone(SampleLetters.ZONE)), applicationUrl));
    }
}
