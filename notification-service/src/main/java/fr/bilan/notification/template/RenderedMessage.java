package fr.bilan.notification.template;

import java.util.List;
import java.util.Objects;

/**
 * A message as written, ready to send: both parts, and its attachments.
 *
 * @param templateVersion the version of its kind's template it was written with (recorded with the message)
 */
public record RenderedMessage(String templateVersion, String subject, String html, String text,
        List<Attachment> attachments) {

    public RenderedMessage {
        Objects.requireNonNull(templateVersion);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(html);
        Objects.requireNonNull(text);
        attachments = List.copyOf(attachments);
    }

    /** A file sent with the message: a session's {@code .ics}. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(content);
        }
    }
}
