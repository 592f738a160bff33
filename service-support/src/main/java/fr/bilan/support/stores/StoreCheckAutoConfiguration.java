package fr.bilan.support.stores;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every service checks at start that it was told where its data lives ({@link StoreCheck}). */
@AutoConfiguration
@EnableConfigurationProperties(EmbeddedStoreSettings.class)
public class StoreCheckAutoConfiguration {

    @Bean
    static StoreCheck storeCheck(Environment environment) {
        return new StoreCheck(environment);
    }
}
