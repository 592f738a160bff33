package fr.bilan.notification.delivery;

import java.net.URI;

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

    /** The From, parsed. */
    public InternetAddress from() {
        try {
            return new InternetAddress(sender, true);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
