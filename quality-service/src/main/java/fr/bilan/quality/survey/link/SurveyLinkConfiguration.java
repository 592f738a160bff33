package fr.bilan.quality.survey.link;

import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.support.stores.EmbeddedStoreSettings;

/**
 * The survey link key, {@code bilan.quality.surveys.link-key}: the base64 of 32 random bytes, from a secret
 * (BILAN_QUALITY_SURVEYS_LINK_KEY), shared by every replica like the page token key
 * ({@code bilan.paging.token-key}). Unlike that one, it is never kept in the database (the database alone
 * must open no survey). A deployment without it refuses to start: the links it sent would stop opening after
 * a restart or on another replica. Only on the embedded stand-ins (a laptop's ./bilan up, the tests) does the
 * process make its own, and say so.
 */
@Configuration(proxyBeanMethods = false)
class SurveyLinkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SurveyLinkConfiguration.class);

    @Bean
    SurveyLinks surveyLinks(@Value("${bilan.quality.surveys.link-key:}") String configured,
            @Value("${" + EmbeddedStoreSettings.ENABLED + ":false}") boolean embedded,
            @Value("${bilan.quality.public-url}") String publicUrl) {
        return new SurveyLinks(key(configured, embedded), publicUrl);
    }

    static byte[] key(String configured, boolean embedded) {
        if (configured.isBlank() && !embedded) {
            throw new IllegalStateException("bilan.quality.surveys.link-key is not set: the survey links need a key "
                    + "shared by every replica and kept across restarts, the base64 of 32 random bytes from a secret "
                    + "(BILAN_QUALITY_SURVEYS_LINK_KEY; the chart's quality.surveyLinkKey)");
        }
        if (configured.isBlank()) {
            log.warn("No bilan.quality.surveys.link-key: survey links are made with a key of this process only, and "
                    + "stop opening after a restart or on another replica. Set it from a secret.");
            byte[] key = new byte[SurveyLinks.KEY_BYTES];
            new java.security.SecureRandom().nextBytes(key);
            return key;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bilan.quality.surveys.link-key is not base64", e);
        }
        if (key.length != SurveyLinks.KEY_BYTES) {
            throw new IllegalArgumentException("bilan.quality.surveys.link-key must be the base64 of "
                    + SurveyLinks.KEY_BYTES + " bytes, not of " + key.length);
        }
        return key;
    }
}
