package fr.bilan.synthesis.agreement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;

import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentResponse;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackRequest;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackResponse;
import fr.bilan.synthesis.auditpack.AuditPackMessages;
import fr.bilan.synthesis.rendering.PdfRenderer;
import fr.bilan.support.errors.FieldViolations;
import io.grpc.stub.StreamObserver;

/**
 * The tripartite agreement's PDF, for beneficiary-service, which holds the agreement and decides
 * who reads it, and the audit pack's, for quality-service, which assembles it and decides who reads
 * it: only platform services call here (the contract), and nothing is kept.
 */
@GrpcService
class DocumentRenderingGrpcService extends DocumentRenderingServiceGrpc.DocumentRenderingServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderingGrpcService.class);

    private final PdfRenderer renderer;

    DocumentRenderingGrpcService(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public void renderAgreementDocument(RenderAgreementDocumentRequest request,
            StreamObserver<RenderAgreementDocumentResponse> response) {
        FieldViolations violations = new FieldViolations();
        if (!request.hasAgreement()) {
            violations.add("agreement", "Indiquez la convention à mettre en page.");
        }
        violations.requireText("agreement.centre_id", request.getAgreement().getCentreId(), 64)
                .requireText("parties.employee_name", request.getParties().getEmployeeName(), 200)
                .throwIfAny();
        byte[] pdf = renderer.renderAgreement(AgreementMessages.toPrint(request.getAgreement(), request.getParties()));
        log.info("Agreement {} rendered ({} bytes)", request.getAgreement().getId(), pdf.length);
        response.onNext(RenderAgreementDocumentResponse.newBuilder().setDocument(HttpBody.newBuilder()
                .setContentType("application/pdf").setData(ByteString.copyFrom(pdf))).build());
        response.onCompleted();
    }

    @Override
    public void renderAuditPack(RenderAuditPackRequest request, StreamObserver<RenderAuditPackResponse> response) {
        byte[] pdf = renderer.renderAuditPack(AuditPackMessages.toPrint(request.getPack()));
        log.info("Audit pack of centre {} rendered: {} bilans ({} bytes)", request.getPack().getCentreId(),
                request.getPack().getBilansCount(), pdf.length);
        response.onNext(RenderAuditPackResponse.newBuilder().setDocument(HttpBody.newBuilder()
                .setContentType("application/pdf").setData(ByteString.copyFrom(pdf))).build());
        response.onCompleted();
    }
}
