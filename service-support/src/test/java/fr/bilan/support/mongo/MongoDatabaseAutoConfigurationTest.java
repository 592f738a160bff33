package fr.bilan.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoDatabase;

/** Which database a service works in: the Helm chart names one per service with spring.mongodb.database. */
class MongoDatabaseAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, MongoDatabaseAutoConfiguration.class));

    @Test
    void theDatabaseSettingOverridesTheConnectionStrings() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://db.internal:27017/bilan?replicaSet=rs0",
                "spring.mongodb.database=bilan-session-service")
                .run(context -> assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("bilan-session-service"));
    }

    @Test
    void withoutItTheConnectionStringsDatabaseElseBilan() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://db.internal:27017/bilan-retention-service")
                .run(context -> assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("bilan-retention-service"));
        runner.withPropertyValues("spring.mongodb.uri=mongodb://db.internal:27017/")
                .run(context -> assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("bilan"));
    }
}
