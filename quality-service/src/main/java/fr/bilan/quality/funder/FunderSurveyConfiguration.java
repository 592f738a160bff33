package fr.bilan.quality.funder;

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
 * The funders' yearly date, checked every {@code bilan.quality.funder-surveys.check-interval} by one replica
 * at a time (ShedLock lock {@value #LOCK} in the service's database).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ FunderSurveyProperties.class, Centres.class })
class FunderSurveyConfiguration {

    static final String LOCK = "quality-funder-surveys";

    @Bean
    FunderSurveyRounds funderSurveyRounds(Funders funders, CentreFunders centreFunders, Centres centres,
            FunderSurveyProperties properties, Clock clock) {
        return new FunderSurveyRounds(funders, centreFunders, centres, properties.sendMonthDay(), clock);
    }

    @Bean
    SchedulingConfigurer funderSurveySchedule(FunderSurveyRounds rounds, LockProvider lockProvider,
            FunderSurveyProperties properties) {
        var locks = new DefaultLockingTaskExecutor(lockProvider);
        // the lock is about real time between replicas, whatever the application's clock says
        Runnable run = () -> locks.executeWithLock((Runnable) rounds::run,
                new LockConfiguration(ClockProvider.now(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        return registrar -> registrar.addFixedDelayTask(run, properties.checkInterval());
    }
}
