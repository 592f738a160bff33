package fr.bilan.support.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import fr.bilan.support.mongo.MongoDatabaseAutoConfiguration;

class EmbeddedMongoAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
                    MongoDatabaseAutoConfiguration.class));

    @Test
    void keepsDataOnDiskAcrossRestarts(@TempDir Path dataDir) {
        runner.withPropertyValues("bilan.embedded.data-dir=" + dataDir).run(context -> context.getBean(MongoDatabase.class)
                .getCollection("probe").insertOne(new Document("_id", "kept").append("value", 42)));

        runner.withPropertyValues("bilan.embedded.data-dir=" + dataDir).run(context -> {
            Document found = context.getBean(MongoDatabase.class).getCollection("probe").find().first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("value")).isEqualTo(42);
        });
        assertThat(dataDir.resolve("mongo.mv")).exists();
    }

    @Test
    void memoryStoreForgets(@TempDir Path dataDir) {
        runner.withPropertyValues("bilan.embedded.store=memory", "bilan.embedded.data-dir=" + dataDir)
                .run(context -> context.getBean(MongoDatabase.class).getCollection("probe").insertOne(new Document("a", 1)));

        runner.withPropertyValues("bilan.embedded.store=memory", "bilan.embedded.data-dir=" + dataDir)
                .run(context -> assertThat(context.getBean(MongoDatabase.class).getCollection("probe").countDocuments()).isZero());
        assertThat(dataDir.resolve("mongo.mv")).doesNotExist();
    }

    @Test
    void listensOnLoopbackOnly() {
        runner.withPropertyValues("bilan.embedded.store=memory").run(context ->
                assertThat(context.getBean(MongoServer.class).getLocalAddress().getAddress().isLoopbackAddress()).isTrue());
    }

    @Test
    void startsNothingWhenARealMongoDbIsConfigured() {
        runner.withPropertyValues("spring.mongodb.uri=mongodb://db.internal:27017/bilan").run(context -> {
            assertThat(context).doesNotHaveBean(MongoServer.class);
            assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("bilan");
        });
        runner.withPropertyValues("spring.mongodb.host=db.internal")
                .run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
    }
}
