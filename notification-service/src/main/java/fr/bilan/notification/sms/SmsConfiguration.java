package fr.bilan.notification.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SMS port: a network's own {@link SmsSender} bean if it declares one (wherever: the default is a
 * fallback, whatever the order configurations are read in), else the recording default.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    @Fallback
    SmsSender recordedSmsSender(MeterRegistry registry) {
        return new RecordedSmsSender(registry);
    }
}
