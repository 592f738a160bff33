package fr.bilan.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.TimeZone;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.support.CronTrigger;

import fr.bilan.notification.message.Notifications;
import fr.bilan.notification.planning.ReminderTimes;
import fr.bilan.notification.tracking.Tracking;
import fr.bilan.support.centre.Centres;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The staff's daily digests, planned at {@code bilan.notification.digests.cron} by one replica at a time
 * (ShedLock lock {@value #LOCK} in the service's database); the dispatcher sends them like any message.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DigestProperties.class)
class DigestConfiguration {

    static final String LOCK = "notification-digests";

    @Bean
    DailyDigests dailyDigests(Tracking tracking, Notifications notifications, ReminderTimes times, Centres centres,
            CpfDeadlines cpfDeadlines, DigestProperties properties, Clock clock) {
        return new DailyDigests(tracking, notifications,
                new DigestPlanner(times, centre -> centres.of(centre).workingDays()), cpfDeadlines, properties, clock);
    }

    @Bean
    SchedulingConfigurer digestSchedule(DailyDigests digests, LockProvider lockProvider, DigestProperties properties) {
        var locks = new DefaultLockingTaskExecutor(lockProvider);
        // the lock is about real time between replicas, whatever the application's clock says
        Runnable run = () -> locks.executeWithLock((Runnable) digests::planToday,
                new LockConfiguration(ClockProvider.now(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        return registrar -> {
            if (!"-".equals(properties.cron())) {
                registrar.addCronTask(new CronTask(run, new CronTrigger(properties.cron(),
                        TimeZone.getTimeZone(properties.zone()))));
            }
        };
    }
}
