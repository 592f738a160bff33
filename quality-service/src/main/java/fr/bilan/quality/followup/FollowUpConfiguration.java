package fr.bilan.quality.followup;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import fr.bilan.support.centre.Centres;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The offers of the follow-up interviews, every {@code bilan.quality.follow-up.offer-interval} by one
 * replica at a time (ShedLock lock {@value #LOCK} in the service's database).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ FollowUpProperties.class, Centres.class })
class FollowUpConfiguration {

    static final String LOCK = "quality-follow-up-offers";

    @Bean
    FollowUpOffers followUpOffers(FollowUps followUps, Centres centres, FollowUpProperties properties, Clock clock) {
        return new FollowUpOffers(followUps, centres, properties.batchSize(), clock);
    }

    @Bean
    SchedulingConfigurer followUpOfferSchedule(FollowUpOffers offers, LockProvider lockProvider,
            FollowUpProperties properties) {
        var locks = new DefaultLockingTaskExecutor(lockProvider);
        // the lock is about real time between replicas, whatever the application's clock says
        Runnable run = () -> locks.executeWithLock((Runnable) offers::offerDue,
                new LockConfiguration(ClockProvider.now(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        return registrar -> registrar.addFixedDelayTask(run, properties.offerInterval());
    }
}
