package fr.bilan.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;

class EmbeddedMongoAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class))
            .withPropertyValues("bilan.embedded.enabled=true");

    @Test
    void keepsDataOnDiskAcrossRestarts(@TempDir Path dataDir) {
        runner.withPropertyValues("bilan.embedded.data-dir=" + dataDir).run(context -> database(context)
                .getCollection("probe").insertOne(new Document("_id", "kept").append("value", 42)));

        runner.withPropertyValues("bilan.embedded.data-dir=" + dataDir).run(context -> {
            Document found = database(context).getCollection("probe").find().first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("value")).isEqualTo(42);
        });
        assertThat(dataDir.resolve("mongo.mv")).exists();
    }

    @Test
    void memoryStoreForgets(@TempDir Path dataDir) {
        runner.withPropertyValues("bilan.embedded.store=memory", "bilan.embedded.data-dir=" + dataDir)
                .run(context -> database(context).getCollection("probe").insertOne(new Document("a", 1)));

        runner.withPropertyValues("bilan.embedded.store=memory", "bilan.embedded.data-dir=" + dataDir)
                .run(context -> assertThat(database(context).getCollection("probe").countDocuments()).isZero());
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
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
                    .containsExactly("db.internal:27017");
        });
        runner.withPropertyValues("spring.mongodb.host=db.internal")
                .run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
    }

    @Test
    void startsNothingWithoutTheOptIn() {
        for (String optIn : new String[] {"bilan.embedded.enabled=false", "bilan.embedded.enabled="}) {
            runner.withPropertyValues(optIn, "bilan.embedded.store=memory")
                    .run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
        }
    }

    private static MongoDatabase database(ApplicationContext context) {
        String name = context.getBean(MongoConnectionDetails.class).getConnectionString().getDatabase();
        return context.getBean(MongoClient.class).getDatabase(name);
    }
}
