package fr.bilan.quality.auditpack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackResponse;
import fr.bilan.support.security.Caller;
import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;

/**
 * synthesis-service's renderer as quality-service sees it, on the test's own port behind the port's real
 * token and contract checks (only a platform service gets through): every pack asked, with who asked,
 * answered with a PDF that names the pack's size, longer than a chunk so that the download comes in
 * several. The real rendering is synthesis-service's AuditPackPdfTest and PdfConformanceTest.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SynthesisRenderingStandIn {

    /** One RenderAuditPack received, and who sent it. */
    public record Rendering(RenderAuditPackRequest request, Caller caller) {
    }

    static final List<Rendering> RENDERINGS = new CopyOnWriteArrayList<>();

    /** What the stand-in answers for {@code request}: « %PDF- », the count of bilans, then padding past a chunk. */
    static byte[] pdfOf(RenderAuditPackRequest request) {
        String head = "%PDF-1.7 dossier d'audit " + request.getPack().getBilansCount() + " bilans\n";
        return (head + "%".repeat(AuditPackGrpcService.CHUNK_SIZE + 10)).getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    BindableService documentRenderingStandIn() {
        return new DocumentRenderingServiceGrpc.DocumentRenderingServiceImplBase() {
            @Override
            public void renderAuditPack(RenderAuditPackRequest request, StreamObserver<RenderAuditPackResponse> response) {
                RENDERINGS.add(new Rendering(request, Caller.current()));
                response.onNext(RenderAuditPackResponse.newBuilder().setDocument(HttpBody.newBuilder()
                        .setContentType("application/pdf").setData(ByteString.copyFrom(pdfOf(request)))).build());
                response.onCompleted();
            }
        };
    }
}
