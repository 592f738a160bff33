package fr.bilan.notification.planning;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.bilan.support.centre.Centres;

/** The planner, in each centre's clock ({@code bilan.centres.*}'s zone) at its reminder hour. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ Centres.class, ReminderProperties.class })
class PlanningConfiguration {

    /** The zone names of {@code bilan.centres} (as session-service's CentreZone spells them). */
    static final Map<String, ZoneId> ZONES = Map.of("METROPOLITAN_FRANCE", ZoneId.of("Europe/Paris"),
            "REUNION", ZoneId.of("Indian/Reunion"), "GUADELOUPE", ZoneId.of("America/Guadeloupe"),
            "MARTINIQUE", ZoneId.of("America/Martinique"), "GUYANE", ZoneId.of("America/Cayenne"),
            "MAYOTTE", ZoneId.of("Indian/Mayotte"));

    @Bean
    ReminderTimes reminderTimes(Centres centres, ReminderProperties reminders) {
        return new ReminderTimes(centre -> ZONES.get(centres.of(centre).zone()), reminders.hour(),
                reminders.centreHours());
    }

    @Bean
    Planner planner(ReminderTimes times) {
        return new Planner(times);
    }
}
