package fr.bilan.beneficiary;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentResponse;
import fr.bilan.support.security.Caller;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.testing.TestIdentityProvider;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * synthesis-service's renderer as beneficiary-service sees it, served on beneficiary-service's own
 * port behind its real token and contract checks (so only a platform service gets through): every
 * rendering asked, with who asked it, answered with {@link #PDF}, or with the failure a test set
 * for the agreement.
 */
@Component
public class FakeDocumentRendering extends DocumentRenderingServiceGrpc.DocumentRenderingServiceImplBase {

    /** One RenderAgreementDocument received, and who sent it (the token's subject and roles). */
    public record Rendering(RenderAgreementDocumentRequest request, Caller caller) {
    }

    public static final byte[] PDF = "%PDF-1.7 convention tripartite".getBytes(StandardCharsets.US_ASCII);
    private static final List<Rendering> RENDERINGS = new CopyOnWriteArrayList<>();
    private static final Map<String, Status> FAILURES = new ConcurrentHashMap<>();

    /** From now on, renderings of {@code agreementId} fail with {@code status}. */
    public static void failWith(String agreementId, Status status) {
        FAILURES.put(agreementId, status);
    }

    /** The renderings asked for {@code agreementId}, oldest first. */
    public static List<Rendering> renderingsOf(String agreementId) {
        return RENDERINGS.stream().filter(rendering -> rendering.request().getAgreement().getId().equals(agreementId))
                .toList();
    }

    @Override
    public void renderAgreementDocument(RenderAgreementDocumentRequest request,
            StreamObserver<RenderAgreementDocumentResponse> response) {
        RENDERINGS.add(new Rendering(request, Caller.current()));
        Status failure = FAILURES.get(request.getAgreement().getId());
        if (failure != null) {
            response.onError(failure.asRuntimeException());
            return;
        }
        response.onNext(RenderAgreementDocumentResponse.newBuilder().setDocument(HttpBody.newBuilder()
                .setContentType("application/pdf").setData(ByteString.copyFrom(PDF))).build());
        response.onCompleted();
    }

    /**
     * The service's own token, from the test identity provider's client-credentials grant, without
     * setting a client secret (which would start the consent outbox relay in the shared context).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Credentials {

        @Bean
        ServiceToken serviceToken() {
            // the system's clock: the token's lifespan is real, whatever time the tests make it
            return new ServiceToken(URI.create(TestIdentityProvider.tokenEndpoint()), "bilan-services", "test-only-secret",
                    Clock.systemUTC());
        }
    }
}
