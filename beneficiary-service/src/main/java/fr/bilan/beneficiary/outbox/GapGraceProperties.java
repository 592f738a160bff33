package fr.bilan.beneficiary.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bilan.outbox.gap-grace}, the consent outbox's own setting beside the shared ones
 * ({@code fr.bilan.support.outbox.OutboxProperties}): how long a record waits behind a gap in its
 * beneficiary's numbering.
 */
@ConfigurationProperties("bilan.outbox")
public record GapGraceProperties(@DefaultValue("1m") Duration gapGrace) {

    public GapGraceProperties {
        if (gapGrace.isNegative()) {
            throw new IllegalArgumentException("bilan.outbox.gap-grace must not be negative");
        }
    }
}
