package fr.bilan.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.notification.message.NotificationKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Without a provider, a text message is recorded and counted, and nothing leaves; a network's own sender replaces it. */
class RecordedSmsSenderTest {

    @Test
    void theDefaultRecordsTheLastMessagesAndCountsThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RecordedSmsSender sender = new RecordedSmsSender(registry);

        for (int i = 0; i < RecordedSmsSender.KEPT + 5; i++) {
            sender.send(new TextMessage("beneficiary:b" + i, NotificationKind.SESSION_REMINDER, "+33600000000",
                    "Rappel : séance demain."));
        }

        assertThat(sender.recorded()).hasSize(RecordedSmsSender.KEPT);
        assertThat(sender.recorded().get(0).recipientId()).isEqualTo("beneficiary:b5");
        assertThat(registry.get("bilan.sms").tag("outcome", "recorded").counter().count()).isEqualTo(RecordedSmsSender.KEPT + 5);
    }

    /** A network's provider, wherever it is declared. */
    @Configuration(proxyBeanMethods = false)
    static class NetworkProvider {

        @Bean
        SmsSender networkSms() {
            return message -> {
            };
        }
    }

    @Test
    void aNetworksOwnSenderTakesThePlaceOfTheDefault() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).withUserConfiguration(SmsConfiguration.class);

        context.run(started -> assertThat(started.getBean(SmsSender.class)).isInstanceOf(RecordedSmsSender.class));
        context.withUserConfiguration(NetworkProvider.class).run(started ->
                assertThat(started.getBean(SmsSender.class)).isNotInstanceOf(RecordedSmsSender.class));
    }
}
