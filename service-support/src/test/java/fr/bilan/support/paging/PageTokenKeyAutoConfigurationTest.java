package fr.bilan.support.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoDatabase;

import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.MemoryMongo;
import io.grpc.Status;

class PageTokenKeyAutoConfigurationTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final String SECRET = Base64.getEncoder().encodeToString(PageTokenKey.randomBytes(32));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PageTokenKeyAutoConfiguration.class));

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void replicasSharingADatabaseShareTheKeyItKeeps() {
        MongoDatabase shared = MONGO.freshDatabase();
        AtomicReference<String> token = new AtomicReference<>();

        runner.withBean(MongoDatabase.class, () -> shared).run(first -> token.set(first.getBean(PageTokenKey.class)
                .boundTo("centre-lyon", "dur").after("durand", "élodie", "id-9")));
        // another replica, or the same service after a restart
        runner.withBean(MongoDatabase.class, () -> shared).run(second -> assertThat(second.getBean(PageTokenKey.class)
                .boundTo("centre-lyon", "dur").positionOf(token.get(), 3)).contains(List.of("durand", "élodie", "id-9")));
        // a service with its own database has its own key
        runner.withBean(MongoDatabase.class, MONGO::freshDatabase).run(other -> assertThat(GrpcServiceTestSupport
                .codeOf(() -> other.getBean(PageTokenKey.class).boundTo("centre-lyon", "dur").positionOf(token.get(), 3)))
                .isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(shared.getCollection(PageTokenKeyAutoConfiguration.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aConfiguredKeyIsUsedByEveryListOfTheProcess() {
        runner.withPropertyValues("bilan.paging.token-key=" + SECRET)
                .withBean(MongoDatabase.class, MONGO::freshDatabase)
                .run(context -> {
                    String token = PageTokens.boundTo("b-1").after("1700000000000", "id-1");

                    assertThat(PageTokenKey.fromBase64(SECRET).boundTo("b-1").positionOf(token, 2))
                            .contains(List.of("1700000000000", "id-1"));
                    assertThat(GrpcServiceTestSupport.codeOf(() -> PageTokenKey.random().boundTo("b-1")
                            .positionOf(token, 2))).isEqualTo(Status.Code.INVALID_ARGUMENT);
                });
    }

    @Test
    void aMalformedKeyStopsTheStart() {
        runner.withPropertyValues("bilan.paging.token-key=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("bilan.paging.token-key=not base64!")
                .run(context -> assertThat(context).hasFailed());
    }
}
