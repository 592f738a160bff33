package fr.bilan.support.centre;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * In a service that reads the centres' settings ({@link Centres}, enabled by its configuration): their
 * fingerprint, logged at start and in {@code /actuator/info} ({@code centres.fingerprint}), where the
 * launcher and the chart's helm test compare it across services.
 */
@AutoConfiguration
@ConditionalOnBean(Centres.class)
public class CentresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CentresAutoConfiguration.class);

    @Bean
    InfoContributor centresInfo(Centres centres) {
        String fingerprint = centres.fingerprint();
        log.info("Centre settings: fingerprint {} (defaults and {} centre(s) overridden)", fingerprint,
                centres.overrides().size());
        return info -> info.withDetail("centres", java.util.Map.of("fingerprint", fingerprint,
                "overridden", centres.overrides().keySet().stream().sorted().toList()));
    }
}
