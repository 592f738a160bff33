package fr.bilan.retention.proof;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.v1.DestructionCertificateServiceGrpc;
import fr.bilan.proto.retention.v1.ExportDestructionCertificatesRequest;
import fr.bilan.proto.retention.v1.ExportDestructionCertificatesResponse;
import fr.bilan.proto.retention.v1.VerifyDestructionCertificatesRequest;
import fr.bilan.proto.retention.v1.VerifyDestructionCertificatesResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.grpc.FlowControl;
import fr.bilan.support.grpc.HttpBodyChunks;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * The proof of destruction, published: a centre's certificates of a period as a JSON Lines export
 * (streamed as it is written, in chunks of {@code bilan.destruction-certificates.chunk-size} bytes,
 * no faster than the client reads), and the verification of its whole chain as stored, for the
 * readers {@link CertificateAccess} lets in. Certificates hold no personal data (a document's hash,
 * its kind, rule, times and run), so reading them is logged, not recorded in the access log of
 * personal data.
 */
@GrpcService
class DestructionCertificateGrpcService
        extends DestructionCertificateServiceGrpc.DestructionCertificateServiceImplBase {

    static final String CONTENT_TYPE = "application/x-ndjson";
    private static final Logger log = LoggerFactory.getLogger(DestructionCertificateGrpcService.class);

    private final DestructionCertificates certificates;
    private final CertificateExports exports;
    private final Clock clock;
    private final int chunkSize;

    DestructionCertificateGrpcService(DestructionCertificates certificates, CertificateExports exports, Clock clock,
            @Value("${bilan.destruction-certificates.chunk-size:65536}") int chunkSize) {
        this.certificates = certificates;
        this.exports = exports;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /**
     * A period left open ({@code end_time} absent) ends now: a purge that read the clock just
     * before may still append an entry certified before that, after the export was read; the next
     * export then does not hang from this one's last hash. Closed periods (a past month) link up.
     */
    @Override
    public void exportDestructionCertificates(ExportDestructionCertificatesRequest request,
            StreamObserver<ExportDestructionCertificatesResponse> response) {
        Caller caller = Caller.current();
        Period period = period(request);
        String centreId = request.getCentreId();
        CertificateAccess.checkReader(caller, centreId);
        Consumer<ExportDestructionCertificatesResponse> send = FlowControl.paced(response);
        HttpBodyChunks chunks = new HttpBodyChunks(CONTENT_TYPE, chunkSize,
                body -> send.accept(ExportDestructionCertificatesResponse.newBuilder().setBody(body).build()));
        Writer out = new OutputStreamWriter(chunks, StandardCharsets.UTF_8);
        long count = exports.write(centreId, period.start(), period.end(), out);
        // not in a finally: a failed export stops where it failed, it sends no last chunk
        close(out);
        // logged before the client hears the end, so that the log never lags behind what it saw
        log.info("Destruction certificates of centre {} certified from {} to {} exported by {}: {} certificates "
                + "in {} chunks", centreId, period.start(), period.end(), caller.subject(), count, chunks.chunksSent());
        response.onCompleted();
    }

    @Override
    public void verifyDestructionCertificates(VerifyDestructionCertificatesRequest request,
            StreamObserver<VerifyDestructionCertificatesResponse> response) {
        Caller caller = Caller.current();
        String centreId = request.getCentreId();
        new FieldViolations().requireText("centre_id", centreId, Lookups.MAX_ID_LENGTH).throwIfAny();
        CertificateAccess.checkReader(caller, centreId);
        ChainVerification verification = certificates.verifyChain(centreId);
        if (verification.intact()) {
            log.info("Destruction certificates of centre {} verified by {}: {}", centreId, caller.subject(),
                    verification);
        } else {
            log.warn("Destruction certificates of centre {} verified by {}: {} ({} entries intact before it)",
                    centreId, caller.subject(), verification, verification.count());
        }
        response.onNext(VerifyDestructionCertificatesResponse.newBuilder()
                .setIntact(verification.intact())
                .setCount(verification.count())
                .setHeadHash(verification.headHash())
                .setBrokenSequence(verification.brokenSequence())
                .setBreakReason(verification.intact() ? "" : verification.reason().name())
                .setMessage(verification.frenchMessage())
                .build());
        response.onCompleted();
    }

    /** [start, end) of an export, to the millisecond as certificates are timed; {@code INVALID_ARGUMENT} field by field. */
    private Period period(ExportDestructionCertificatesRequest request) {
        FieldViolations violations = new FieldViolations();
        violations.requireText("centre_id", request.getCentreId(), Lookups.MAX_ID_LENGTH);
        Optional<Instant> start = ProtoTime.required("start_time", request.hasStartTime(), request.getStartTime(),
                "Indiquez le début de la période à exporter.", violations);
        Optional<Instant> end = ProtoTime.toInstant("end_time",
                request.hasEndTime() ? Optional.of(request.getEndTime()) : Optional.empty(), violations);
        // an invalid end was named already: no period to check
        Optional<Instant> until = request.hasEndTime() ? end : Optional.of(clock.instant());
        Optional<Period> period = start.flatMap(from -> until.map(to -> new Period(from.truncatedTo(ChronoUnit.MILLIS),
                to.truncatedTo(ChronoUnit.MILLIS))));
        if (period.isPresent() && !period.get().end().isAfter(period.get().start())) {
            violations.add(request.hasEndTime() ? "end_time" : "start_time", request.hasEndTime()
                    ? "La fin de la période doit être après son début."
                    : "Le début de la période doit être passé : sans fin indiquée, la période s'arrête maintenant.");
        }
        violations.throwIfAny();
        return period.orElseThrow();
    }

    private static void close(Writer out) {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Period(Instant start, Instant end) {
    }
}
