package fr.bilan.notification.delivery;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import fr.bilan.notification.template.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Hands one written message to the mail server (Spring Boot's {@link JavaMailSender}, Jakarta Mail;
 * host, port, TLS and credentials are {@code spring.mail.*}): a text part and an HTML part, its
 * attachments, the platform's From. Its Message-ID is the message's own id, so the rare message sent
 * twice (the server took it and its record could not be written) is one message to mail clients.
 */
final class Mailer {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String domain;

    Mailer(JavaMailSender sender, InternetAddress from) {
        this.sender = sender;
        this.from = from;
        String address = from.getAddress();
        this.domain = address.substring(address.indexOf('@') + 1);
    }

    /** @throws MailException when the server did not take it: see {@link MailFailure} */
    void send(String messageId, String to, RenderedMessage message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper parts = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            parts.setFrom(from);
            parts.setTo(new InternetAddress(to, true));
            parts.setSubject(message.subject());
            parts.setText(message.text(), message.html());
            for (RenderedMessage.Attachment attachment : message.attachments()) {
                parts.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            // an automatic message (RFC 3834): no out-of-office reply loops back to the relay
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("Message-ID", "<" + messageId + "@" + domain + ">");
        } catch (MessagingException e) {
            throw new MailPreparationException("message " + messageId + " could not be put together", e);
        }
        sender.send(mime);
    }
}
