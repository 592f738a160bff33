package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Settings that cannot work stop the start, naming each key. */
class DeliveryPropertiesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void unusableDeliverySettingsAreRefusedByName() {
        assertThatThrownBy(() -> new DeliveryProperties(Duration.ZERO, 0, 0, MINUTE, MINUTE, null, MINUTE))
                .hasMessageContaining("bilan.notification.delivery.interval")
                .hasMessageContaining("bilan.notification.delivery.batch-size")
                .hasMessageContaining("bilan.notification.delivery.rate-per-second")
                .hasMessageContaining("bilan.notification.delivery.give-up-after");
        assertThatThrownBy(() -> new DeliveryProperties(MINUTE, 10, 1, Duration.ofHours(1), MINUTE, MINUTE, MINUTE))
                .hasMessageContaining("max-backoff");
    }

    @Test
    void theSenderMustBeAnAddressAndTheLinkAnAbsoluteWebAddress() {
        assertThatThrownBy(() -> new LetterProperties("pas une adresse", URI.create("https://bilan.example")))
                .hasMessageContaining("bilan.notification.sender");
        assertThatThrownBy(() -> new LetterProperties("Bilan <ne-pas-repondre@bilan.example>", URI.create("/relative")))
                .hasMessageContaining("bilan.notification.application-url");
        assertThatThrownBy(() -> new LetterProperties("Bilan <ne-pas-repondre@bilan.example>", URI.create("ftp://bilan.example")))
                .hasMessageContaining("bilan.notification.application-url");
    }

    /** A display name beyond ASCII goes out encoded (RFC 2047), never as raw bytes a mail client may garble. */
    @Test
    void theSendersNameIsEncodedForTheHeader() {
        LetterProperties letters = new LetterProperties("Bilan de compétences <ne-pas-repondre@bilan.example>",
                URI.create("https://bilan.example"));

        String header = letters.from().toString();

        assertThat(header).isEqualTo("=?UTF-8?Q?Bilan_de_comp=C3=A9tences?= <ne-pas-repondre@bilan.example>");
        assertThat(letters.from().getPersonal()).isEqualTo("Bilan de compétences");
        assertThat(new LetterProperties("ne-pas-repondre@bilan.example", URI.create("https://bilan.example")).from()
                .toString()).isEqualTo("ne-pas-repondre@bilan.example");
    }
}
