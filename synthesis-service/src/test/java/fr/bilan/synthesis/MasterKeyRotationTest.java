package fr.bilan.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentResponse;
import fr.bilan.proto.synthesis.v1.FinalizeSynthesisRequest;
import fr.bilan.proto.synthesis.v1.GetSynthesisRequest;
import fr.bilan.proto.synthesis.v1.Synthesis;
import fr.bilan.proto.synthesis.v1.SynthesisServiceGrpc;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisRequest;
import fr.bilan.embedded.EmbeddedS3Server;
import fr.bilan.support.hash.Sha256;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestAccessRegister;
import fr.bilan.support.testing.TestClock;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;

/**
 * A master-key rotation as production goes through it: the service restarted on the same MongoDB and
 * S3 store (outside the service, as in production) with a new keyring. Documents sealed before the
 * rotation still open, new ones are sealed under the new key, and a key missing from the keyring is
 * a clear refusal, not an internal error.
 */
class MasterKeyRotationTest {

    /** Its own port and channel: the other tests' cached application contexts hold the shared one. */
    private static final int GRPC_PORT = GrpcServiceTestSupport.freePort();
    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("127.0.0.1", GRPC_PORT).usePlaintext()
            .build();

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final EmbeddedS3Server S3 = EmbeddedS3Server.startInMemory();
    private static final String K1 = key();
    private static final String K2 = key();

    private static final MongoClient CLIENT;

    static {
        MONGO.bind("127.0.0.1", 0);
        CLIENT = MongoClients.create(mongoUri());
    }

    @AfterAll
    static void stopStores() throws Exception {
        CHANNEL.shutdownNow();
        CLIENT.close();
        S3.close();
        MONGO.shutdownNow();
    }

    @Test
    void documentsSealedBeforeTheRotationStillOpenAndNewOnesAreSealedWithTheNewKey() {
        SynthesisServiceTestSupport.TestBilan before;
        Synthesis finalBefore;
        try (ConfigurableApplicationContext service = start("k1", Map.of("k1", K1))) {
            before = finalised();
            finalBefore = get(before);
            assertThat(wrappingOf(before.id())).isEqualTo("k1");
        }

        // step 1: every replica learns k2 while k1 stays current, then step 2: k2 current
        try (ConfigurableApplicationContext service = start("k1", Map.of("k1", K1, "k2", K2))) {
            assertThat(get(before).getContent()).isEqualTo(finalBefore.getContent());
            assertThat(wrappingOf(before.id())).isEqualTo("k1");
        }
        try (ConfigurableApplicationContext service = start("k2", Map.of("k1", K1, "k2", K2))) {
            Synthesis read = get(before);
            assertThat(read.getContent()).isEqualTo(SynthesisServiceTestSupport.fullContent());
            assertThat(read.getEtag()).isEqualTo(finalBefore.getEtag());
            byte[] pdf = download(before);
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
            assertThat(Sha256.hex(pdf)).isEqualTo(finalBefore.getDocument().getSha256());
            // read, so rewrapped under the current key
            assertThat(wrappingOf(before.id())).isEqualTo("k2");

            SynthesisServiceTestSupport.TestBilan after = finalised();
            assertThat(wrappingOf(after.id())).isEqualTo("k2");
            assertThat(download(after)).startsWith("%PDF-".getBytes());
        }

        // k1 retired once nothing is wrapped by it: every document still opens with k2 alone
        assertThat(keys().countDocuments(Filters.eq("masterKeyId", "k1"))).isZero();
        try (ConfigurableApplicationContext service = start("k2", Map.of("k2", K2))) {
            assertThat(get(before).getContent()).isEqualTo(SynthesisServiceTestSupport.fullContent());
            assertThat(Sha256.hex(download(before))).isEqualTo(finalBefore.getDocument().getSha256());
        }

        // k2 dropped too early: a refusal that says why, in French, and the document is intact
        try (ConfigurableApplicationContext service = start("k3", Map.of("k3", key()))) {
            StatusRuntimeException refused = refusal(() -> get(before));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(refused.getStatus().getDescription()).isEqualTo("Ce document ne peut pas être ouvert : la clé de "
                    + "chiffrement qui le protège n'est pas configurée sur la plateforme. Le document est intact ; "
                    + "signalez-le à l'exploitant.");
            assertThat(refusal(() -> download(before)).getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        }
        try (ConfigurableApplicationContext service = start("k3", Map.of("k2", K2, "k3", key()))) {
            assertThat(Sha256.hex(download(before))).isEqualTo(finalBefore.getDocument().getSha256());
            assertThat(wrappingOf(before.id())).isEqualTo("k3");
        }
    }

    /** synthesis-service against the shared stores, with this keyring, as a pod of the chart gets it. */
    private static ConfigurableApplicationContext start(String current, Map<String, String> keyring) {
        List<String> arguments = new ArrayList<>(List.of("--spring.grpc.server.port=" + GRPC_PORT, "--server.port=0",
                "--bilan.oidc.issuer=" + TestIdentityProvider.issuer(), "--bilan.oidc.jwks-uri=" + TestIdentityProvider.jwksUri(),
                "--spring.grpc.client.channel.session.target=127.0.0.1:" + GRPC_PORT,
                "--spring.grpc.client.channel.beneficiary.target=127.0.0.1:" + GRPC_PORT,
                "--bilan.synthesis.orphans.interval=1h",
                "--bilan.centres.overrides.centre-lyon.name=Centre de bilans de Lyon",
                "--bilan.centres.overrides.centre-lyon.address=12 rue de la République, 69002 Lyon",
                "--bilan.centres.overrides.centre-lyon.declaration-number=82690000069",
                "--spring.mongodb.uri=" + mongoUri() + "/synthesis",
                "--bilan.storage.s3.endpoint=" + S3.endpoint(), "--bilan.storage.s3.access-key=" + S3.accessKey(),
                "--bilan.storage.s3.secret-key=" + S3.secretKey(),
                "--bilan.synthesis.encryption.master-key-id=" + current));
        int i = 0;
        for (Map.Entry<String, String> key : keyring.entrySet()) {
            arguments.add("--bilan.synthesis.encryption.master-keys[" + i + "].id=" + key.getKey());
            arguments.add("--bilan.synthesis.encryption.master-keys[" + i + "].key=" + key.getValue());
            i++;
        }
        return new SpringApplicationBuilder(SynthesisApplication.class, TestClock.class, FakeSessionService.class,
                FakeBeneficiaryService.class, FakeBeneficiaryService.ConsentChecks.class, TestAccessRegister.class)
                .run(arguments.toArray(String[]::new));
    }

    /** A bilan in its conclusion phase whose synthèse, every section filled, is final (its PDF sealed and stored). */
    private static SynthesisServiceTestSupport.TestBilan finalised() {
        SynthesisServiceTestSupport.TestBilan bilan = SynthesisServiceTestSupport.newBilan(AssessmentState.CONCLUSION);
        SynthesisServiceGrpc.SynthesisServiceBlockingStub consultant = stub(bilan.consultantToken());
        consultant.updateSynthesis(UpdateSynthesisRequest.newBuilder().setSynthesis(Synthesis.newBuilder()
                .setAssessmentId(bilan.id()).setContent(SynthesisServiceTestSupport.fullContent())).build());
        consultant.finalizeSynthesis(FinalizeSynthesisRequest.newBuilder().setAssessmentId(bilan.id()).build());
        return bilan;
    }

    private static Synthesis get(SynthesisServiceTestSupport.TestBilan bilan) {
        return syntheses(bilan).getSynthesis(GetSynthesisRequest.newBuilder().setAssessmentId(bilan.id()).build())
                .getSynthesis();
    }

    private static byte[] download(SynthesisServiceTestSupport.TestBilan bilan) {
        Iterator<DownloadSynthesisDocumentResponse> chunks = syntheses(bilan).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEachRemaining(chunk -> joined.writeBytes(chunk.getBody().getData().toByteArray()));
        return joined.toByteArray();
    }

    private static SynthesisServiceGrpc.SynthesisServiceBlockingStub syntheses(SynthesisServiceTestSupport.TestBilan bilan) {
        return stub(bilan.beneficiaryToken());
    }

    private static SynthesisServiceGrpc.SynthesisServiceBlockingStub stub(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return SynthesisServiceGrpc.newBlockingStub(CHANNEL)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    /** The id of the master key that wraps the bilan's data key, as stored. */
    private static String wrappingOf(String assessmentId) {
        return keys().find(Filters.eq("_id", assessmentId)).first().getString("masterKeyId");
    }

    private static MongoCollection<Document> keys() {
        return CLIENT.getDatabase("synthesis").getCollection("assessment_keys");
    }

    private static String mongoUri() {
        return "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort();
    }

    private static StatusRuntimeException refusal(Runnable call) {
        return SynthesisServiceTestSupport.refusal(call);
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
