package fr.bilan.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * What every message says of its origin: {@code bilan.notification.sender}, the From (a display name
 * and an address the mail relay accepts for the platform), and {@code bilan.notification.application-url},
 * the front-end every message links to instead of carrying anything of a bilan.
 */
@ConfigurationProperties("bilan.notification")
public record LetterProperties(String sender, URI applicationUrl) {

    public LetterProperties {
        if (sender == null || sender.isBlank()) {
            throw new IllegalArgumentException("bilan.notification.sender is not set");
        }
        try {
            new InternetAddress(sender, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("bilan.notification.sender is not an e-mail address: " + e.getMessage());
        }
        if (applicationUrl == null || !applicationUrl.isAbsolute() || applicationUrl.getHost() == null
                || !(applicationUrl.getScheme().equals("https") || applicationUrl.getScheme().equals("http"))) {
            throw new IllegalArgumentException("bilan.notification.application-url must be an absolute http(s) URL, not "
                    + applicationUrl);
        }
    }

    /**
     * The From, parsed, its display name encoded for the header (RFC 2047, UTF-8): as parsed, a name such as
     * « Bilan de compétences » would go out as raw 8-bit bytes, which mail clients may garble.
     */
    public InternetAddress from() {
        try {
            InternetAddress parsed = new InternetAddress(sender, true);
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
