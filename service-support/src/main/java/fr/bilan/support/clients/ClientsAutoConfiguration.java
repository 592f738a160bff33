package fr.bilan.support.clients;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** {@link ClientDeadlines} for every service, and the refusal of the keys it replaced. */
@AutoConfiguration
@EnableConfigurationProperties(ClientDeadlines.class)
public class ClientsAutoConfiguration {

    /** Checked before any bean reads a deadline: a static factory runs when the context starts its refresh. */
    @Bean
    static RenamedSettingsCheck renamedSettingsCheck(Environment environment) {
        RenamedSettings.refuse(environment);
        return new RenamedSettingsCheck();
    }

    /** The mark that the check ran. */
    public static final class RenamedSettingsCheck {
    }
}
