package fr.bilan.support.audit;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.GlobalServerInterceptor;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.mongo.MongoDatabaseAutoConfiguration;
import fr.bilan.support.time.ClockAutoConfiguration;

/**
 * The service's access log, kept in its own database for {@code bilan.access-log.retention}: the
 * writer every access goes through, the interceptor that gives each call its operation and records
 * its refusals, and the reader that lists them. beneficiary-service keeps the register of every
 * service's accesses ({@code bilan.access-log.register: true}); every other service hands its
 * records to it through an outbox ({@link AccessRecordOutbox}), with its own token.
 */
@AutoConfiguration(after = { MongoDatabaseAutoConfiguration.class, ClockAutoConfiguration.class })
@ConditionalOnBean(MongoDatabase.class)
public class AccessLogAutoConfiguration {

    private static final String RETENTION = "${bilan.access-log.retention:365d}";
    private static final String REGISTER = "bilan.access-log.register";

    @Bean
    @ConditionalOnMissingBean
    AccessLog accessLog(MongoDatabase database, Clock clock, @Value(RETENTION) Duration retention,
            @Value("${spring.application.name}") String service, @Value("${" + REGISTER + ":false}") boolean register) {
        return new AccessLog(AccessRecords.collection(database, retention), clock, service, !register);
    }

    @Bean
    @GlobalServerInterceptor
    AccessCalls accessCalls(AccessLog accessLog) {
        return new AccessCalls(accessLog);
    }

    /** The register's intake, in the service that keeps it. */
    @Bean
    @ConditionalOnProperty(name = REGISTER, havingValue = "true")
    AccessRegisterGrpcService accessRegisterGrpcService(AccessLog accessLog) {
        return new AccessRegisterGrpcService(accessLog);
    }

    @Bean
    @ConditionalOnMissingBean
    AccessRecordReader accessRecordReader(MongoDatabase database, @Value(RETENTION) Duration retention) {
        return new AccessRecordReader(AccessRecords.collection(database, retention), retention);
    }

    /** The delivery of this service's records to the register, where the service does not keep it. */
    @Bean
    @ConditionalOnProperty(name = REGISTER, havingValue = "false", matchIfMissing = true)
    AccessRecordOutbox accessRecordOutbox(MongoDatabase database, @Value(RETENTION) Duration retention) {
        return new AccessRecordOutbox(database, retention);
    }
}
