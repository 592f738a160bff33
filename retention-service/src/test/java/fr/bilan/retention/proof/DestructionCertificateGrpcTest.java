package fr.bilan.retention.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.google.api.HttpBody;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.bilan.proto.retention.v1.DestructionCertificateServiceGrpc;
import fr.bilan.proto.retention.v1.DestructionCertificateServiceGrpc.DestructionCertificateServiceBlockingStub;
import fr.bilan.proto.retention.v1.ExportDestructionCertificatesRequest;
import fr.bilan.proto.retention.v1.ExportDestructionCertificatesResponse;
import fr.bilan.proto.retention.v1.VerifyDestructionCertificatesRequest;
import fr.bilan.proto.retention.v1.VerifyDestructionCertificatesResponse;
import fr.bilan.retention.RetentionServiceTestSupport;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.support.time.ProtoTime;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * The proof of destruction through the running service: exports streamed in chunks that verify
 * alone, the chain's verification as stored, and who reaches which centre. Certificates are appended
 * to the service's database by a repository of the test's own, on a clock the test sets; each test
 * has a centre of its own.
 */
class DestructionCertificateGrpcTest extends RetentionServiceTestSupport {

    private static final Instant JANUARY = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2025-02-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");
    private static final int CHUNK_SIZE = 64 * 1024;

    @Autowired
    private MongoDatabase database;

    private final TestClock clock = new TestClock();
    private final String centre = "centre-" + UUID.randomUUID();
    private DestructionCertificates seeded;

    @BeforeEach
    void repositoryOfTheTest() {
        seeded = new DestructionCertificates(database, clock);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void exportsAPeriodInChunksAsTheClientReadsThemAndTheExportVerifiesAlone(CapturedOutput output)
            throws InterruptedException {
        DestructionCertificate january = appendAt(JANUARY.plus(14, ChronoUnit.DAYS));
        // 2,000 certificates in February (1.3 MB of export), the first at its very first millisecond
        List<DestructionCertificate> february = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            february.add(appendAt(FEBRUARY.plusSeconds(i * 60L)));
        }
        // certified at the end of the period: the next period's
        appendAt(MARCH);
        String exported = "centre " + centre + " certified from 2025-02-01T00:00:00Z to 2025-03-01T00:00:00Z "
                + "exported by auditor-1: 2000 certificates";

        List<HttpBody> chunks;
        // a client that takes in one chunk and holds: its connection's window (64 KiB) closes
        ManagedChannel narrow = NettyChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext()
                .flowControlWindow(CHUNK_SIZE).build();
        try {
            HeldReader reader = new HeldReader();
            DestructionCertificateServiceGrpc.newStub(narrow).withCallCredentials(bearer(auditor()))
                    .withDeadlineAfter(60, TimeUnit.SECONDS).exportDestructionCertificates(request(FEBRUARY, MARCH), reader);
            assertThat(reader.first.await(20, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(1_500);
            // the service waits for the client instead of buffering the rest of the export
            assertThat(output.getAll()).doesNotContain(exported);

            reader.readOn();

            assertThat(reader.done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.failure).isNull();
            assertThat(output.getAll()).contains(exported);
            chunks = reader.chunks;
        } finally {
            narrow.shutdownNow();
        }
        assertThat(chunks.size()).as("chunks").isGreaterThan(10);
        assertThat(chunks.get(0).getContentType()).isEqualTo("application/x-ndjson");
        assertThat(chunks.subList(1, chunks.size())).allSatisfy(chunk -> assertThat(chunk.getContentType()).isEmpty());
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.getData().size()).isEqualTo(CHUNK_SIZE));
        String export = joined(chunks);
        ChainVerification verification = ExportVerifier.verify(new StringReader(export));
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.count()).isEqualTo(2_000);
        assertThat(verification.headHash()).isEqualTo(february.get(1_999).hash());
        String[] lines = export.split("\n");
        assertThat(lines).hasSize(2_002);
        assertThat(lines[0]).contains("\"centreId\":\"" + centre + "\"", "\"from\":\"2025-02-01T00:00:00.000Z\"",
                "\"to\":\"2025-03-01T00:00:00.000Z\"", "\"anchorSequence\":1",
                "\"anchorHash\":\"" + january.hash() + "\"");
        assertThat(lines[1]).contains("\"sequence\":2,", "\"certifiedAt\":\"2025-02-01T00:00:00.000Z\"");
        assertThat(lines[2_000]).contains("\"sequence\":2001,");
        assertThat(lines[2_001]).isEqualTo("{\"record\":\"footer\",\"count\":2000,\"lastHash\":\""
                + february.get(1_999).hash() + "\"}");
    }

    @Test
    void anOpenPeriodEndsNowAndConsecutivePeriodsLinkUp() {
        Instant now = Instant.now();
        DestructionCertificate lastMonth = appendAt(now.minus(30, ChronoUnit.DAYS));
        DestructionCertificate yesterday = appendAt(now.minus(1, ChronoUnit.DAYS));
        // certified tomorrow (a clock ahead): after now, so not in a period that ends now
        appendAt(now.plus(1, ChronoUnit.DAYS));
        Instant middle = now.minus(7, ChronoUnit.DAYS);

        String before = export(certificatesAs(auditor()), ExportDestructionCertificatesRequest.newBuilder().setCentreId(centre)
                .setStartTime(ProtoTime.of(JANUARY)).setEndTime(ProtoTime.of(middle)).build());
        String since = export(certificatesAs(auditor()), ExportDestructionCertificatesRequest.newBuilder().setCentreId(centre)
                .setStartTime(ProtoTime.of(middle)).build());

        assertThat(ExportVerifier.verify(new StringReader(before)).headHash()).isEqualTo(lastMonth.hash());
        ChainVerification verification = ExportVerifier.verify(new StringReader(since));
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.count()).isEqualTo(1);
        assertThat(verification.headHash()).isEqualTo(yesterday.hash());
        assertThat(since.lines().findFirst().orElseThrow()).contains("\"anchorHash\":\"" + lastMonth.hash() + "\"");
        Instant to = Instant.parse(since.lines().findFirst().orElseThrow().replaceAll(".*\"to\":\"([^\"]+)\".*", "$1"));
        assertThat(to).isBetween(now.minusSeconds(1), Instant.now());
    }

    @Test
    void anExportNeedsACentreAndAPeriodThatStartsBeforeItEnds() {
        var auditor = certificatesAs(auditor());

        assertThat(FieldErrors.of(() -> export(auditor, ExportDestructionCertificatesRequest.newBuilder()
                .setCentreId(centre).build())))
                .containsExactly("start_time: Indiquez le début de la période à exporter.");
        assertThat(FieldErrors.of(() -> export(auditor, request(MARCH, FEBRUARY))))
                .containsExactly("end_time: La fin de la période doit être après son début.");
        assertThat(FieldErrors.fieldsOf(() -> export(auditor, request(MARCH, MARCH)))).containsExactly("end_time");
        assertThat(FieldErrors.of(() -> export(auditor, ExportDestructionCertificatesRequest.newBuilder()
                .setCentreId(centre).setStartTime(ProtoTime.of(Instant.now().plus(1, ChronoUnit.DAYS))).build())))
                .containsExactly("start_time: Le début de la période doit être passé : sans fin indiquée, la période "
                        + "s'arrête maintenant.");
        assertThat(FieldErrors.fieldsOf(() -> export(auditor, request(FEBRUARY, MARCH).toBuilder().clearCentreId()
                .build()))).containsExactly("centre_id");
        assertThat(FieldErrors.fieldsOf(() -> certificatesAs(auditor()).verifyDestructionCertificates(
                VerifyDestructionCertificatesRequest.getDefaultInstance()))).containsExactly("centre_id");
    }

    @Test
    void auditorsAndManagersReachTheirOwnCentresOnly() {
        appendAt(FEBRUARY);
        String otherCentre = "centre-" + UUID.randomUUID();

        for (String role : new String[] {"auditor", "centre-manager"}) {
            var ofTheCentre = certificatesAs(TestIdentityProvider.token(role + "-1", List.of(otherCentre, centre), role));
            assertThat(ExportVerifier.verify(new StringReader(export(ofTheCentre, request(FEBRUARY, MARCH)))).count())
                    .as(role).isEqualTo(1);
            assertThat(verify(ofTheCentre).getCount()).as(role).isEqualTo(1);

            var ofAnother = certificatesAs(TestIdentityProvider.token(role + "-2", List.of(otherCentre), role));
            for (Runnable call : List.<Runnable>of(() -> export(ofAnother, request(FEBRUARY, MARCH)),
                    () -> verify(ofAnother))) {
                assertThatThrownBy(call::run).as(role).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).isEqualTo("Vous n'avez accès qu'aux certificats de "
                            + "destruction de vos centres : ce centre n'en fait pas partie.");
                });
            }
        }
    }

    @Test
    void aNetworkAdministratorReachesEveryCentre() {
        DestructionCertificate only = appendAt(FEBRUARY);
        var admin = certificatesAs(TestIdentityProvider.token("admin-1", "network-admin"));

        assertThat(ExportVerifier.verify(new StringReader(export(admin, request(FEBRUARY, MARCH)))).headHash())
                .isEqualTo(only.hash());
        assertThat(verify(admin).getHeadHash()).isEqualTo(only.hash());
    }

    @Test
    void rolesTheContractDoesNotNameAreRefusedWhateverTheirCentres() {
        appendAt(FEBRUARY);

        for (String role : new String[] {"consultant", "beneficiary", "platform-service"}) {
            var caller = certificatesAs(TestIdentityProvider.token("someone", List.of(centre), role));
            assertThat(codeOf(() -> export(caller, request(FEBRUARY, MARCH)))).as(role)
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> verify(caller))).as(role).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        var anonymous = DestructionCertificateServiceGrpc.newBlockingStub(channel())
                .withDeadlineAfter(10, TimeUnit.SECONDS);
        assertThat(codeOf(() -> verify(anonymous))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void verifiesTheWholeStoredChainThenFindsAnAlteredCertificate() {
        DestructionCertificate first = appendAt(JANUARY);
        appendAt(FEBRUARY);
        DestructionCertificate third = appendAt(MARCH);
        var auditor = certificatesAs(auditor());

        VerifyDestructionCertificatesResponse intact = verify(auditor);

        assertThat(intact.getIntact()).isTrue();
        assertThat(intact.getCount()).isEqualTo(3);
        assertThat(intact.getHeadHash()).isEqualTo(third.hash());
        assertThat(intact.getBrokenSequence()).isZero();
        assertThat(intact.getBreakReason()).isEmpty();
        assertThat(intact.getMessage()).isEqualTo("Chaîne intègre : 3 certificats, dernière empreinte " + third.hash()
                + ".");

        // someone with write access to the collection changes the rule a destruction followed
        database.getCollection(DestructionCertificates.COLLECTION).updateOne(
                Filters.and(Filters.eq("centreId", centre), Filters.eq("sequence", 2L)),
                Updates.set("ruleId", "another-rule"));

        VerifyDestructionCertificatesResponse altered = verify(auditor);

        assertThat(altered.getIntact()).isFalse();
        assertThat(altered.getBrokenSequence()).isEqualTo(2);
        assertThat(altered.getBreakReason()).isEqualTo("ALTERED");
        assertThat(altered.getCount()).isEqualTo(1);
        assertThat(altered.getHeadHash()).isEqualTo(first.hash());
        assertThat(altered.getMessage()).isEqualTo("Chaîne rompue au certificat n° 2 : le certificat a été modifié : "
                + "son empreinte ne correspond plus à son contenu.");
    }

    @Test
    void aCentreWithoutCertificatesHasAnIntactEmptyChain() {
        VerifyDestructionCertificatesResponse empty = verify(certificatesAs(auditor()));

        assertThat(empty.getIntact()).isTrue();
        assertThat(empty.getCount()).isZero();
        assertThat(empty.getHeadHash()).isEqualTo(Anchor.GENESIS.hash());
        String export = export(certificatesAs(auditor()), request(JANUARY, MARCH));
        assertThat(export.lines()).hasSize(2);
        assertThat(ExportVerifier.verify(new StringReader(export)).intact()).isTrue();
    }

    private DestructionCertificate appendAt(Instant certifiedAt) {
        clock.set(certifiedAt);
        return seeded.append(Destructions.of(centre));
    }

    private String auditor() {
        return TestIdentityProvider.token("auditor-1", List.of(centre), "auditor");
    }

    private static DestructionCertificateServiceBlockingStub certificatesAs(String token) {
        return DestructionCertificateServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private ExportDestructionCertificatesRequest request(Instant start, Instant end) {
        return ExportDestructionCertificatesRequest.newBuilder().setCentreId(centre).setStartTime(ProtoTime.of(start))
                .setEndTime(ProtoTime.of(end)).build();
    }

    private VerifyDestructionCertificatesResponse verify(DestructionCertificateServiceBlockingStub caller) {
        return caller.verifyDestructionCertificates(VerifyDestructionCertificatesRequest.newBuilder()
                .setCentreId(centre).build());
    }

    private static String export(DestructionCertificateServiceBlockingStub caller,
            ExportDestructionCertificatesRequest request) {
        return joined(chunksOf(caller.exportDestructionCertificates(request)));
    }

    private static List<HttpBody> chunksOf(Iterator<ExportDestructionCertificatesResponse> responses) {
        List<HttpBody> chunks = new ArrayList<>();
        responses.forEachRemaining(response -> chunks.add(response.getBody()));
        return chunks;
    }

    private static String joined(List<HttpBody> chunks) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        chunks.forEach(chunk -> whole.writeBytes(chunk.getData().toByteArray()));
        return whole.toString(StandardCharsets.UTF_8);
    }

    /** Takes in the first chunk, then nothing until told to read on. */
    private static final class HeldReader
            implements ClientResponseObserver<ExportDestructionCertificatesRequest, ExportDestructionCertificatesResponse> {

        private final List<HttpBody> chunks = new CopyOnWriteArrayList<>();
        private final CountDownLatch first = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile ClientCallStreamObserver<ExportDestructionCertificatesRequest> call;
        private volatile Throwable failure;

        @Override
        public void beforeStart(ClientCallStreamObserver<ExportDestructionCertificatesRequest> requestStream) {
            call = requestStream;
            requestStream.disableAutoRequestWithInitial(1);
        }

        void readOn() {
            call.request(Integer.MAX_VALUE);
        }

        @Override
        public void onNext(ExportDestructionCertificatesResponse response) {
            chunks.add(response.getBody());
            first.countDown();
        }

        @Override
        public void onError(Throwable error) {
            failure = error;
            done.countDown();
        }

        @Override
        public void onCompleted() {
            done.countDown();
        }
    }
}
