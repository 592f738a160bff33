package fr.bilan.support.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The service's database ({@code spring.mongodb.database}, which Boot documents as overriding the
 * connection string's, else the one named in the connection string, else {@code bilan}) and its
 * health check. The Helm chart names each service's database apart, so that services sharing a
 * cluster never share a collection ({@code access_records}, {@code shedlock}, {@code page_token_keys}). Boot's own check sends {@code hello}, which the embedded server does not know;
 * {@code ping} is answered by every MongoDB wire-protocol server.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class MongoDatabaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).build();
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoConnectionDetails connection,
            @Value("${spring.mongodb.database:}") String database) {
        String name = StringUtils.hasText(database) ? database : connection.getConnectionString().getDatabase();
        return client.getDatabase(name != null ? name : "bilan");
    }
}
