package fr.bilan.retention.purge;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import com.mongodb.client.MongoDatabase;

import fr.bilan.retention.action.ActionEnds;
import fr.bilan.retention.document.Registry;
import fr.bilan.retention.holder.DocumentHolders;
import fr.bilan.retention.holder.HolderProperties;
import fr.bilan.retention.proof.DestructionCertificates;
import fr.bilan.retention.rules.RetentionPolicy;
import fr.bilan.retention.schedule.ScheduleKeeper;
import fr.bilan.retention.schedule.Timelines;
import fr.bilan.support.security.ServiceToken;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

/** The purge and what it needs: the holders' channels, its lock, its thread. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({PurgeProperties.class, HolderProperties.class})
class PurgeConfiguration {

    private static final String LOCK_COLLECTION = "shedlock";
    private static final Logger log = LoggerFactory.getLogger(PurgeConfiguration.class);

    @Bean
    DocumentHolders documentHolders(HolderProperties holders, GrpcChannelFactory channels,
            ObjectProvider<ServiceToken> serviceToken, PurgeProperties properties) {
        ServiceToken token = serviceToken.getIfAvailable();
        if (token == null) {
            log.warn("No service credentials (bilan.oidc.client-secret): the purge cannot reach the holders {}; "
                    + "due documents stay due and show as overdue", holders.holders().keySet());
        }
        return DocumentHolders.of(holders, channels::createChannel,
                stub -> token == null ? stub : stub.withCallCredentials(token.callCredentials()), properties.callTimeout());
    }

    @Bean
    PurgeMetrics purgeMetrics(MeterRegistry meters, Registry registry, PurgeProperties properties, Clock clock) {
        return new PurgeMetrics(meters, registry, properties.overdueAfter(), clock);
    }

    @Bean
    Purge purge(Registry registry, ActionEnds ends, Timelines timelines, RetentionPolicy policy, ScheduleKeeper keeper,
            DocumentHolders holders, DestructionCertificates certificates, PurgeMetrics metrics,
            PurgeProperties properties, Clock clock) {
        return new Purge(registry, ends, timelines, policy, keeper, holders, certificates, metrics, properties, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService purgeThreads() {
        // one thread runs an asked-for purge, the other renews the lock's lease
        var threads = new CustomizableThreadFactory("purge-");
        threads.setDaemon(true);
        return Executors.newScheduledThreadPool(2, threads);
    }

    @Bean
    PurgeRunner purgeRunner(Purge purge, PurgeRuns runs, PurgeMetrics metrics, MongoDatabase database,
            PurgeProperties properties, ScheduledExecutorService purgeThreads, Clock clock) {
        var locks = new KeepAliveLockProvider(new MongoLockProvider(database.getCollection(LOCK_COLLECTION)),
                purgeThreads);
        return new PurgeRunner(purge, runs, metrics, locks, properties, purgeThreads, clock);
    }
}
