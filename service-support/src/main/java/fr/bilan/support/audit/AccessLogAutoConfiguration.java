package fr.bilan.support.audit;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.mongo.MongoDatabaseAutoConfiguration;
import fr.bilan.support.time.ClockAutoConfiguration;

/**
 * The service's access log, kept in its own database for {@code bilan.access-log.retention}: the
 * writer every access goes through, and the reader that lists them.
 */
@AutoConfiguration(after = { MongoDatabaseAutoConfiguration.class, ClockAutoConfiguration.class })
@ConditionalOnBean(MongoDatabase.class)
public class AccessLogAutoConfiguration {

    private static final String RETENTION = "${bilan.access-log.retention:365d}";

    @Bean
    @ConditionalOnMissingBean
    AccessLog accessLog(MongoDatabase database, Clock clock, @Value(RETENTION) Duration retention,
            @Value("${spring.application.name}") String service) {
        return new AccessLog(AccessRecords.collection(database, retention), clock, service);
    }

    @Bean
    @ConditionalOnMissingBean
    AccessRecordReader accessRecordReader(MongoDatabase database, @Value(RETENTION) Duration retention) {
        return new AccessRecordReader(AccessRecords.collection(database, retention), retention);
    }
}
