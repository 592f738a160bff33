package fr.bilan.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;

/** Base of the intake tests: the service, stubs calling it as a given caller, what it stored and counted. */
@SpringBootTest(classes = RetentionApplication.class)
public abstract class RetentionServiceTestSupport extends GrpcServiceTestSupport {

    @Autowired
    private MongoDatabase database;

    @Autowired
    private MeterRegistry meters;

    protected static RetentionServiceGrpc.RetentionServiceBlockingStub as(String token) {
        return RetentionServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** As an outbox relay calls: the services' own identity. */
    protected static RetentionServiceGrpc.RetentionServiceBlockingStub platform() {
        return as(TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE));
    }

    /** Without a token. */
    protected static RetentionServiceGrpc.RetentionServiceBlockingStub anonymous() {
        return RetentionServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** The document {@code id} names in {@code collection}; {@code null} when none. */
    protected Document stored(String collection, String id) {
        return database.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    /** How many documents of {@code collection} belong to the bilan {@code assessment}. */
    protected long storedFor(String collection, String assessment) {
        return database.getCollection(collection).countDocuments(Filters.eq("assessmentId", assessment));
    }

    /** The value of gauge {@code meter}. */
    protected double meter(String meter) {
        return meters.get(meter).gauge().value();
    }

    /** The count of intake counter {@code meter} tagged {@code intake}; 0 before the first. */
    protected double intakes(String meter, String intake) {
        var counter = meters.find(meter).tag("intake", intake).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Asserts that {@code call} is refused to every other role ({@code PERMISSION_DENIED}) and
     * without a token ({@code UNAUTHENTICATED}): only a platform service may make it.
     */
    protected static void assertOnlyAPlatformServiceMay(Consumer<RetentionServiceGrpc.RetentionServiceBlockingStub> call) {
        for (String role : new String[] {"beneficiary", "consultant", "centre-manager", "network-admin", "auditor"}) {
            assertThat(codeOf(() -> call.accept(as(TestIdentityProvider.token("someone", role)))))
                    .as(role).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        assertThat(codeOf(() -> call.accept(anonymous()))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
}
