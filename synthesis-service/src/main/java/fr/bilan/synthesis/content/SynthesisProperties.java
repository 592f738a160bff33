package fr.bilan.synthesis.content;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the synthèse ({@code bilan.synthesis.*}).
 *
 * @param zone          the time zone of the date printed on the document
 * @param chunkSize     bytes per message of a streamed download
 * @param shareValidity how long a share's path opens the document
 */
@ConfigurationProperties("bilan.synthesis")
public record SynthesisProperties(ZoneId zone, Integer chunkSize, Duration shareValidity) {

    public SynthesisProperties {
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
        chunkSize = chunkSize == null ? 64 * 1024 : chunkSize;
        shareValidity = shareValidity == null ? Duration.ofDays(30) : shareValidity;
    }
}
