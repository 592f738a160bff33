package fr.bilan.beneficiary.cpf;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.mongodb.client.MongoDatabase;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * The CPF connector's sync, off unless {@code bilan.cpf.connector.enabled=true}, which needs a
 * {@link CpfPlatformConnector} bean (none ships: a connector is the operator's to add; enabled
 * without one stops the start). It
 * runs every {@code bilan.cpf.connector.interval}, one replica at a time (ShedLock lock
 * {@value #LOCK} in the service's {@code shedlock} collection).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "bilan.cpf.connector", name = "enabled", havingValue = "true")
class CpfConnectorConfiguration {

    static final String LOCK = "cpf-connector";
    private static final Logger log = LoggerFactory.getLogger(CpfConnectorConfiguration.class);

    @Bean
    SchedulingConfigurer cpfConnectorSchedule(ObjectProvider<CpfPlatformConnector> connectors, CpfDossiers dossiers,
            CpfDossierRepository repository, MongoDatabase database,
            @Value("${bilan.cpf.connector.interval:5m}") Duration interval,
            @Value("${bilan.cpf.connector.batch-size:200}") int batchSize,
            @Value("${bilan.cpf.connector.lock-at-most-for:10m}") Duration lockAtMostFor) {
        CpfPlatformConnector connector = connectors.getIfAvailable();
        if (connector == null) {
            // asked for and absent is a deployment mistake: said at start, not found out from missed deadlines
            throw new IllegalStateException("bilan.cpf.connector.enabled=true but no CPF platform connector "
                    + "(CpfPlatformConnector) is installed: install one or set bilan.cpf.connector.enabled=false");
        }
        var sync = new CpfConnectorSync(connector, dossiers, repository, database, batchSize);
        var locks = new DefaultLockingTaskExecutor(new MongoLockProvider(database.getCollection("shedlock")));
        // the lock is about real time between replicas, whatever the application's clock says
        Runnable run = () -> locks.executeWithLock((Runnable) () -> {
            CpfConnectorSync.Report report = sync.run();
            if (report.applied() > 0 || !report.refused().isEmpty()) {
                log.info("CPF connector {}: {} step(s) applied, {} refused", connector.name(), report.applied(),
                        report.refused().size());
            }
        }, new LockConfiguration(ClockProvider.now(), LOCK, lockAtMostFor, Duration.ZERO));
        return registrar -> registrar.addFixedDelayTask(run, interval);
    }
}
