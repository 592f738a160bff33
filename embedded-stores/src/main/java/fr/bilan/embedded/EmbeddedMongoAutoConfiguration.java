package fr.bilan.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Opted in ({@code bilan.embedded.enabled=true}, as {@code ./bilan up} and the tests do) and with no
 * {@code spring.mongodb.uri}, the service runs its own MongoDB wire-protocol server (mongo-java-server)
 * on loopback, so the platform starts on a laptop with nothing installed. The code still talks to it
 * through the ordinary MongoDB driver, exactly as it would to a real cluster.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@Conditional(NoMongoUriConfigured.class)
@ConditionalOnProperty(name = EmbeddedStoreProperties.ENABLED, havingValue = "true")
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedStoreProperties properties) {
        MongoBackend backend = switch (properties.getStore()) {
            case MEMORY -> new MemoryBackend();
            case FILE -> new H2Backend(h2File(properties.getDataDir()).toString());
        };
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB ({} store) listening on {}", properties.getStore(), server.getLocalAddress());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, EmbeddedStoreProperties properties) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connectionString = new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/" + properties.getDatabase());
        return () -> connectionString;
    }

    private static Path h2File(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir, e);
        }
        return dataDir.resolve("mongo.mv");
    }
}
