package fr.bilan.notification.delivery;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.recipient.Recipients;
import fr.bilan.notification.template.MessageTemplates;
import fr.bilan.support.centre.Centres;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The dispatcher, run every {@code bilan.notification.delivery.interval} on every replica and working on
 * one at a time (ShedLock lock {@value #LOCK} in the service's database).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ DeliveryProperties.class, LetterProperties.class, Centres.class })
class DeliveryConfiguration {

    static final String LOCK = "notification-dispatcher";

    @Bean
    Dispatcher dispatcher(Notifications notifications, Recipients recipients, MessageTemplates templates,
            JavaMailSender mailSender, Centres centres, LetterProperties letters, DeliveryProperties properties,
            MeterRegistry registry, Clock clock) {
        return new Dispatcher(notifications, recipients, new Letters(centres, recipients, letters.applicationUrl()),
                templates, new Mailer(mailSender, letters.from()), RateLimit.perSecond(properties.ratePerSecond()),
                new DeliveryMetrics(registry, notifications, clock), properties, clock);
    }

    @Bean
    SurveyMail surveyMail(Notifications notifications, Recipients recipients, MessageTemplates templates,
            JavaMailSender mailSender, Centres centres, LetterProperties letters) {
        return new SurveyMail(notifications, recipients, new Letters(centres, recipients, letters.applicationUrl()),
                templates, new Mailer(mailSender, letters.from()));
    }

    @Bean
    SchedulingConfigurer dispatcherSchedule(Dispatcher dispatcher, LockProvider lockProvider,
            DeliveryProperties properties) {
        var locks = new DefaultLockingTaskExecutor(lockProvider);
        // the lock is about real time between replicas, whatever the application's clock says
        Runnable run = () -> locks.executeWithLock((Runnable) dispatcher::dispatchDue,
                new LockConfiguration(ClockProvider.now(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(run, properties.interval(), properties.interval()));
    }
}
