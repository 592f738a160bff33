package fr.bilan.notification.planning;


import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.support.centre.Centres;

/** The planner, in each centre's clock ({@code bilan.centres.*}'s zone) at its reminder hour. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ Centres.class, ReminderProperties.class })
class PlanningConfiguration {


    @Bean
    ReminderTimes reminderTimes(Centres centres, ReminderProperties reminders) {
        return new ReminderTimes(centre -> centres.of(centre).zoneId(), reminders.hour(),
                reminders.centreHours());
    }

    @Bean
    Planner planner(ReminderTimes times) {
        return new Planner(times);
    }
}
