package fr.bilan.quality.survey.planning;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.link.SurveyLinks;
import fr.bilan.quality.survey.questionnaire.QuestionnaireCatalogue;
import fr.bilan.support.centre.Centres;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The surveys' planning from the bilans' facts, and their clock: a round every
 * {@code bilan.quality.surveys.interval}, on one replica at a time (ShedLock lock {@value #LOCK} in the
 * service's database).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ SurveyProperties.class, Centres.class })
class SurveyPlanningConfiguration {

    static final String LOCK = "quality-surveys";

    @Bean
    SurveySending surveySending(Surveys surveys, SurveyLinks links, SurveyProperties properties) {
        return new SurveySending(surveys, links, properties);
    }

    @Bean
    SurveyPlanner surveyPlanner(Surveys surveys, QuestionnaireCatalogue questionnaires, SurveySending sending,
            Centres centres, SurveyProperties properties, Clock clock) {
        return new SurveyPlanner(surveys, questionnaires, sending, centres, properties, clock);
    }

    @Bean
    FunderSurveyAsking funderSurveyAsking(Surveys surveys, QuestionnaireCatalogue questionnaires,
            SurveySending sending) {
        return new FunderSurveyAsking(surveys, questionnaires, sending);
    }

    @Bean
    SurveyRounds surveyRounds(Surveys surveys, SurveySending sending, BilanRecords bilans, SurveyProperties properties,
            Clock clock) {
        return new SurveyRounds(surveys, sending, bilans, properties, clock);
    }

    @Bean
    SchedulingConfigurer surveySchedule(SurveyRounds rounds, LockProvider lockProvider, SurveyProperties properties) {
        var locks = new DefaultLockingTaskExecutor(lockProvider);
        // the lock is about real time between replicas, whatever the application's clock says
        Runnable run = () -> locks.executeWithLock((Runnable) rounds::run,
                new LockConfiguration(ClockProvider.now(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        return registrar -> registrar.addFixedDelayTask(run, properties.interval());
    }
}
