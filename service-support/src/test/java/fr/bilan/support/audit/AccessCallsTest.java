package fr.bilan.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.proto.beneficiary.internal.v1.AccessRegisterServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesResponse;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.security.Caller;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A real gRPC server behind {@link AccessCalls}: every access a call records names the call's RPC,
 * and a call refused after it knew whose data it aimed at leaves a REFUSED record, once, however the
 * refusal leaves the service.
 */
class AccessCallsTest {

    private static final Caller NOSY = new Caller("consultant-9", Set.of("consultant"), Set.of("centre-lyon"));
    private static final AccessedData ELODIE = AccessedData.of("assessments", "a-1", "b-1", "centre-lyon");
    private static MongoServer mongo;
    private static MongoClient client;
    private static MongoCollection<Document> records;
    private static AccessLog accessLog;
    private static Server server;
    private static ManagedChannel channel;
    /** What the served call does, set by each test. */
    private static volatile BiConsumer<RecordAccessesRequest, StreamObserver<RecordAccessesResponse>> behaviour;

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + mongo.bind().getPort());
        records = AccessRecords.collection(client.getDatabase("audit"), Duration.ofDays(365));
        accessLog = new AccessLog(records, Clock.systemUTC(), "session-service", true);
        var service = new AccessRegisterServiceGrpc.AccessRegisterServiceImplBase() {
            @Override
            public void recordAccesses(RecordAccessesRequest request, StreamObserver<RecordAccessesResponse> response) {
                behaviour.accept(request, response);
            }
        };
        server = NettyServerBuilder.forPort(0).addService(ServerInterceptors.intercept(service,
                new AccessCalls(accessLog))).build().start();
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        client.close();
        mongo.shutdownNow();
    }

    @AfterEach
    void empty() {
        records.deleteMany(new Document());
    }

    private static void call() {
        AccessRegisterServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .recordAccesses(RecordAccessesRequest.getDefaultInstance());
    }

    private static List<Document> stored() {
        return records.find().into(new java.util.ArrayList<>());
    }

    @Test
    void aGrantedAccessIsNamedAfterTheRpcAndMarkedForTheRegister() {
        behaviour = (request, response) -> {
            accessLog.attempting(NOSY, ELODIE);
            accessLog.record(NOSY, ELODIE);
            response.onNext(RecordAccessesResponse.getDefaultInstance());
            response.onCompleted();
        };

        call();

        assertThat(stored()).singleElement().satisfies(record -> {
            assertThat(record.getString("operation")).isEqualTo("access-register.record-accesses");
            assertThat(record.getString("outcome")).isEqualTo("GRANTED");
            assertThat(record.getString("beneficiaryId")).isEqualTo("b-1");
            assertThat(record.getString("service")).isEqualTo("session-service");
            assertThat(record.get("forward", Document.class)).containsEntry("pending", true);
        });
    }

    @Test
    void aRefusalThrownAfterTheAttemptIsRecordedOnce() {
        behaviour = (request, response) -> {
            accessLog.attempting(NOSY, ELODIE);
            throw Status.PERMISSION_DENIED.withDescription("Ce bilan n'est pas l'un des vôtres.").asRuntimeException();
        };

        // a bare server turns the exception into UNKNOWN; in a service, Spring's handler makes it the status
        assertThatThrownBy(AccessCallsTest::call).isInstanceOf(StatusRuntimeException.class);

        assertThat(stored()).singleElement().satisfies(record -> {
            assertThat(record.getString("outcome")).isEqualTo("REFUSED");
            assertThat(record.getString("actor")).isEqualTo("consultant-9");
            assertThat(record.getString("resource")).isEqualTo("assessments/a-1");
        });
    }

    @Test
    void aDomainRefusalOfAccessThrownAfterTheAttemptIsRecordedOnce() {
        behaviour = (request, response) -> {
            accessLog.attempting(NOSY, ELODIE);
            throw new Forbidden("Ce bilan n'est pas l'un des vôtres.");
        };

        assertThatThrownBy(AccessCallsTest::call).isInstanceOf(StatusRuntimeException.class);

        assertThat(stored()).singleElement().satisfies(record -> {
            assertThat(record.getString("outcome")).isEqualTo("REFUSED");
            assertThat(record.getString("resource")).isEqualTo("assessments/a-1");
        });
    }

    @Test
    void aRefusalAnsweredAsAnErrorIsRecordedToo() {
        behaviour = (request, response) -> {
            accessLog.attempting(NOSY, ELODIE);
            response.onError(Status.PERMISSION_DENIED.asRuntimeException());
        };

        assertThatThrownBy(AccessCallsTest::call).isInstanceOf(StatusRuntimeException.class);

        assertThat(records.countDocuments(Filters.eq("outcome", "REFUSED"))).isEqualTo(1);
    }

    @Test
    void otherFailuresAndRefusalsBeforeAnyAttemptRecordNothing() {
        behaviour = (request, response) -> {
            accessLog.attempting(NOSY, ELODIE);
            throw Status.FAILED_PRECONDITION.withDescription("Ce bilan est clos.").asRuntimeException();
        };
        assertThatThrownBy(AccessCallsTest::call).isInstanceOf(StatusRuntimeException.class);
        behaviour = (request, response) -> {
            throw Status.PERMISSION_DENIED.asRuntimeException();
        };
        assertThatThrownBy(AccessCallsTest::call).isInstanceOf(StatusRuntimeException.class);

        assertThat(stored()).isEmpty();
    }

    @Test
    void anAccessOutsideAnyCallIsAWiringFault() {
        assertThatThrownBy(() -> accessLog.record(NOSY, ELODIE)).isInstanceOf(IllegalStateException.class);
    }
}
