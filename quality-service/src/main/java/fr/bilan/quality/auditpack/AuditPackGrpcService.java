package fr.bilan.quality.auditpack;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.quality.v1.AuditPackServiceGrpc;
import fr.bilan.proto.quality.v1.ExportAuditPackRequest;
import fr.bilan.proto.quality.v1.ExportAuditPackResponse;
import fr.bilan.proto.quality.v1.GetAuditPackDocumentRequest;
import fr.bilan.proto.quality.v1.GetAuditPackDocumentResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.grpc.FlowControl;
import fr.bilan.support.grpc.HttpBodyChunks;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * A centre's audit pack, on demand, as a PDF (rendered by synthesis-service) or a CSV, streamed in chunks
 * no faster than the client reads. For the auditors and managers of that centre (the contract's roles,
 * the centre in their token's {@code centres}). The pack is pseudonymised process evidence (no id, name,
 * content nor answer), as the destruction certificates are: who read which centre's pack is logged, and no
 * beneficiary's access log is written.
 */
@GrpcService
class AuditPackGrpcService extends AuditPackServiceGrpc.AuditPackServiceImplBase {

    static final int CHUNK_SIZE = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AuditPackGrpcService.class);

    private final AuditPacks packs;
    private final AuditPackRendering rendering;

    AuditPackGrpcService(AuditPacks packs, AuditPackRendering rendering) {
        this.packs = packs;
        this.rendering = rendering;
    }

    @Override
    public void getAuditPackDocument(GetAuditPackDocumentRequest request,
            StreamObserver<GetAuditPackDocumentResponse> response) {
        AuditPack pack = pack(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime());
        byte[] pdf = rendering.render(pack);
        Consumer<GetAuditPackDocumentResponse> send = FlowControl.paced(response);
        HttpBodyChunks.send(pdf, "application/pdf", CHUNK_SIZE,
                body -> send.accept(GetAuditPackDocumentResponse.newBuilder().setBody(body).build()));
        log.info("Audit pack PDF of centre {} from {} to {} read by {}: {} bilans, {} bytes", pack.centreId(),
                pack.period().firstDay(), pack.period().lastDay(), Caller.current().subject(), pack.lines().size(),
                pdf.length);
        response.onCompleted();
    }

    @Override
    public void exportAuditPack(ExportAuditPackRequest request, StreamObserver<ExportAuditPackResponse> response) {
        AuditPack pack = pack(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime());
        Consumer<ExportAuditPackResponse> send = FlowControl.paced(response);
        HttpBodyChunks chunks = new HttpBodyChunks(AuditPackCsv.CONTENT_TYPE, CHUNK_SIZE,
                body -> send.accept(ExportAuditPackResponse.newBuilder().setBody(body).build()));
        Writer out = new OutputStreamWriter(chunks, StandardCharsets.UTF_8);
        AuditPackCsv.write(pack, out);
        // not in a finally: a failed export stops where it failed, it sends no last chunk
        chunks.close();
        log.info("Audit pack CSV of centre {} from {} to {} read by {}: {} bilans in {} chunks", pack.centreId(),
                pack.period().firstDay(), pack.period().lastDay(), Caller.current().subject(), pack.lines().size(),
                chunks.chunksSent());
        response.onCompleted();
    }

    /** The fields checked, the caller's centre checked, then the pack assembled. */
    private AuditPack pack(String centreId, boolean hasStart, Timestamp start, boolean hasEnd, Timestamp end) {
        FieldViolations violations = new FieldViolations().requireText("centre_id", centreId, Lookups.MAX_ID_LENGTH);
        Optional<Instant> from = ProtoTime.required("start_time", hasStart, start,
                "Indiquez le début de la période du dossier.", violations);
        Optional<Instant> until = ProtoTime.required("end_time", hasEnd, end,
                "Indiquez la fin de la période du dossier.", violations);
        violations.throwIfAny();
        Caller caller = Caller.current();
        if (!caller.holdsIn(centreId, Role.AUDITOR, Role.CENTRE_MANAGER)) {
            throw new Forbidden("Vous n'avez accès qu'aux dossiers d'audit de vos centres : ce centre n'en fait pas "
                    + "partie.");
        }
        return packs.assemble(centreId, from.orElseThrow(), until.orElseThrow());
    }
}
