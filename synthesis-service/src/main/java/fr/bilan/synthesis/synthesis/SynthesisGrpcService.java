package fr.bilan.synthesis.synthesis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.Recipient;
import fr.bilan.proto.beneficiary.v1.RecipientKind;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.synthesis.v1.CreateSynthesisShareRequest;
import fr.bilan.proto.synthesis.v1.CreateSynthesisShareResponse;
import fr.bilan.proto.synthesis.v1.DownloadSharedSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.DownloadSharedSynthesisDocumentResponse;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentResponse;
import fr.bilan.proto.synthesis.v1.FinalizeSynthesisRequest;
import fr.bilan.proto.synthesis.v1.FinalizeSynthesisResponse;
import fr.bilan.proto.synthesis.v1.GetSynthesisRequest;
import fr.bilan.proto.synthesis.v1.GetSynthesisResponse;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsRequest;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsResponse;
import fr.bilan.proto.synthesis.v1.ListSynthesisSharesRequest;
import fr.bilan.proto.synthesis.v1.ListSynthesisSharesResponse;
import fr.bilan.proto.synthesis.v1.RevisionAuthor;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.SynthesisSection;
import fr.bilan.proto.synthesis.v1.SynthesisServiceGrpc;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisObservationsRequest;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisObservationsResponse;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisRequest;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisResponse;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.synthesis.rendering.PdfRenderer;
import fr.bilan.synthesis.rendering.SynthesisPrint;
import fr.bilan.synthesis.share.ShareRepository;
import fr.bilan.synthesis.share.ShareRepository.NewShare;
import fr.bilan.synthesis.share.SynthesisShare;
import fr.bilan.synthesis.storage.EncryptedDocuments;
import fr.bilan.synthesis.storage.ObjectKeys;
import fr.bilan.synthesis.storage.StoredObject;
import fr.bilan.synthesis.synthesis.StoredSynthesis.FinalDocument;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.grpc.HttpBodyChunks;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Etags;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import fr.bilan.support.security.SecretPathTokens;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of the synthèse. Every call first reads the bilan from session-service with the
 * caller's token, then lets through only its beneficiary and its consultant ({@link Reader}); every
 * read of the text or the PDF is access-logged before it leaves. The recipient of a share has no
 * token: the path's secret opens the share, and each download asks beneficiary-service again
 * whether the beneficiary's consent still holds.
 */
@GrpcService
class SynthesisGrpcService extends SynthesisServiceGrpc.SynthesisServiceImplBase {

    private static final Logger log = LoggerFactory.getLogger(SynthesisGrpcService.class);
    /** The route of a share's downloads at the gateway, as the contract binds it. */
    static final String SHARE_PATH = "/api/v1/synthesisShares/";
    private static final String PDF = "application/pdf";
    /** Each revision carries the whole text: half the usual largest page. */
    private static final int MAX_REVISIONS_PAGE_SIZE = 100;

    private final BilanDirectory directory;
    private final SynthesisRepository syntheses;
    private final ShareRepository shares;
    private final PdfRenderer renderer;
    private final EncryptedDocuments documents;
    private final SynthesisProperties properties;
    private final AccessLog accessLog;
    private final Clock clock;

    SynthesisGrpcService(BilanDirectory directory, SynthesisRepository syntheses, ShareRepository shares,
            PdfRenderer renderer, EncryptedDocuments documents, SynthesisProperties properties, AccessLog accessLog,
            Clock clock) {
        this.directory = directory;
        this.syntheses = syntheses;
        this.shares = shares;
        this.renderer = renderer;
        this.documents = documents;
        this.properties = properties;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void getSynthesis(GetSynthesisRequest request, StreamObserver<GetSynthesisResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        Reader.of(caller, bilan, directory);
        StoredSynthesis synthesis = current(bilan);
        logAccess(caller, bilan);
        response.onNext(GetSynthesisResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(synthesis)).build());
        response.onCompleted();
    }

    @Override
    public void updateSynthesis(UpdateSynthesisRequest request, StreamObserver<UpdateSynthesisResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getSynthesis().getAssessmentId());
        Reader.requireConsultant(Reader.of(caller, bilan, directory));
        StoredSynthesis read = draftAt(current(bilan), request.getSynthesis().getEtag());
        SynthesisContent content = ContentMask.apply(read.content(), request.getSynthesis().getContent(),
                request.getUpdateMask().getPathsList());
        ContentLimits.check(content);
        StoredSynthesis saved = syntheses.save(read, bilan, RevisionAuthor.CONSULTANT_AUTHOR, content,
                read.observations(), clock.instant());
        logAccess(caller, bilan);
        response.onNext(UpdateSynthesisResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(saved)).build());
        response.onCompleted();
    }

    @Override
    public void listSynthesisRevisions(ListSynthesisRevisionsRequest request,
            StreamObserver<ListSynthesisRevisionsResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        Reader.of(caller, bilan, directory);
        FieldViolations violations = new FieldViolations();
        int size = PageTokens.pageSize(request.getPageSize(), MAX_REVISIONS_PAGE_SIZE, violations);
        violations.throwIfAny();
        PageTokens tokens = PageTokens.boundTo(bilan.id());
        StoredSynthesis current = current(bilan);
        Optional<Long> after = tokens.positionOf(request.getPageToken(), 1).map(position -> revisionIn(position.get(0)));
        List<StoredSynthesis> page = new ArrayList<>();
        if (after.isEmpty() && current.revision() > 0) {
            page.add(current);
        }
        page.addAll(syntheses.revisionsBefore(current, after.orElse(current.revision()), size - page.size()));
        logAccess(caller, bilan);
        ListSynthesisRevisionsResponse.Builder answer = ListSynthesisRevisionsResponse.newBuilder();
        page.forEach(revision -> answer.addRevisions(SynthesisMessages.toRevision(revision)));
        long last = page.isEmpty() ? 1 : page.get(page.size() - 1).revision();
        if (page.size() == size && last > 1) {
            answer.setNextPageToken(tokens.after(Long.toString(last)));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void updateSynthesisObservations(UpdateSynthesisObservationsRequest request,
            StreamObserver<UpdateSynthesisObservationsResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        if (Reader.of(caller, bilan, directory) != Reader.BENEFICIARY) {
            throw Status.PERMISSION_DENIED.withDescription("Seul le bénéficiaire écrit ses observations.")
                    .asRuntimeException();
        }
        ContentLimits.checkObservations(request.getObservations());
        StoredSynthesis read = draftAt(current(bilan), request.getEtag());
        if (read.revision() == 0) {
            throw Status.FAILED_PRECONDITION.withDescription("Votre consultant n'a encore rien rédigé : vos "
                    + "observations portent sur la synthèse qu'il vous propose.").asRuntimeException();
        }
        StoredSynthesis saved = syntheses.save(read, bilan, RevisionAuthor.BENEFICIARY_AUTHOR, read.content(),
                request.getObservations(), clock.instant());
        logAccess(caller, bilan);
        response.onNext(UpdateSynthesisObservationsResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(saved))
                .build());
        response.onCompleted();
    }

    @Override
    public void finalizeSynthesis(FinalizeSynthesisRequest request, StreamObserver<FinalizeSynthesisResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        Reader.requireConsultant(Reader.of(caller, bilan, directory));
        StoredSynthesis read = current(bilan);
        if (!read.isFinal()) {
            read = finalize(bilan, draftAt(read, request.getEtag()), caller);
        }
        logAccess(caller, bilan);
        response.onNext(FinalizeSynthesisResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(read)).build());
        response.onCompleted();
    }

    /**
     * Renders, seals and uploads the PDF, then records it in the same write that makes the synthèse
     * final. A crash in between leaves an object no synthèse records: the orphan reconciler removes
     * it, and the synthèse is still a draft to finalise again.
     */
    private StoredSynthesis finalize(Bilan bilan, StoredSynthesis draft, Caller caller) {
        if (bilan.state() != AssessmentState.CONCLUSION) {
            throw Status.FAILED_PRECONDITION.withDescription("La synthèse se finalise pendant la phase de "
                    + "conclusion du bilan.").asRuntimeException();
        }
        List<SynthesisSection> missing = RequiredSections.missing(draft.content());
        if (!missing.isEmpty()) {
            throw missingSections(missing);
        }
        Beneficiary beneficiary = directory.beneficiary(bilan.beneficiaryId());
        Instant now = clock.instant();
        byte[] pdf = renderer.renderSynthesis(new SynthesisPrint(bilan.centreId(),
                beneficiary.getGivenName() + " " + beneficiary.getFamilyName(), ConsultantName.current(),
                directory.course(bilan, properties.zone()), now.atZone(properties.zone()).toLocalDate(), 1,
                draft.content(), draft.observations()));
        String objectKey = ObjectKeys.synthesis(bilan.id(), UUID.randomUUID().toString());
        StoredObject stored = documents.put(bilan.id(), objectKey, pdf);
        try {
            StoredSynthesis done = syntheses.makeFinal(draft, new FinalDocument(1, objectKey, stored.sha256(),
                    stored.plainSize(), stored.storedSize(), now), now);
            log.info("Synthesis of assessment {} made final: {} ({} bytes)", bilan.id(), objectKey, stored.plainSize());
            return done;
        } catch (StatusRuntimeException e) {
            // changed meanwhile, so surely not recorded: the object is nobody's, the reconciler need not wait
            // (any other failure may hide a write that happened: the reconciler decides later, by the record)
            if (e.getStatus().getCode() == Status.Code.ABORTED) {
                documents.remove(objectKey);
            }
            throw e;
        }
    }

    @Override
    public void downloadSynthesisDocument(DownloadSynthesisDocumentRequest request,
            StreamObserver<DownloadSynthesisDocumentResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        Reader reader = Reader.of(caller, bilan, directory);
        StoredSynthesis synthesis = finalOf(bilan.id());
        byte[] pdf = documents.get(bilan.id(), synthesis.document().objectKey());
        logAccess(caller, bilan);
        if (reader == Reader.BENEFICIARY && synthesis.handoverTime() == null
                && syntheses.recordHandover(bilan.id(), clock.instant())) {
            log.info("Synthesis of assessment {} handed over to its beneficiary", bilan.id());
        }
        HttpBodyChunks.send(pdf, PDF, properties.chunkSize(), body -> response.onNext(
                DownloadSynthesisDocumentResponse.newBuilder().setBody(body).build()));
        response.onCompleted();
    }

    @Override
    public void createSynthesisShare(CreateSynthesisShareRequest request,
            StreamObserver<CreateSynthesisShareResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Recipient recipient = checkRecipient(request.getShare().getRecipient());
        Bilan bilan = bilan(request.getAssessmentId());
        Reader.of(caller, bilan, directory);
        finalOf(bilan.id());
        if (!directory.sharingConsented(bilan.beneficiaryId(), recipient)) {
            throw Status.FAILED_PRECONDITION.withDescription("Le bénéficiaire n'a pas donné (ou a retiré) son "
                    + "accord pour transmettre la synthèse à « " + recipient.getName() + " » : enregistrez d'abord son "
                    + "consentement.").asRuntimeException();
        }
        Instant now = clock.instant();
        NewShare made = shares.create(new SynthesisShare(ShareRepository.newId(), bilan.id(), bilan.beneficiaryId(),
                bilan.centreId(), recipient, now, now.plus(properties.shareValidity())), caller.subject(),
                RequestKey.of(caller.subject(), request.getRequestId()));
        accessLog.record(caller, new AccessedData(made.share().resource(), bilan.beneficiaryId(),
                bilan.centreId()));
        var share = ShareMessages.toProto(made.share());
        made.token().ifPresent(token -> share.setUrlPath(SHARE_PATH + token + "/document"));
        response.onNext(CreateSynthesisShareResponse.newBuilder().setShare(share).build());
        response.onCompleted();
    }

    @Override
    public void listSynthesisShares(ListSynthesisSharesRequest request,
            StreamObserver<ListSynthesisSharesResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        Reader.of(caller, bilan, directory);
        var answer = ListSynthesisSharesResponse.newBuilder();
        shares.list(bilan.id()).forEach(share -> answer.addShares(ShareMessages.toProto(share)));
        logAccess(caller, bilan);
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void downloadSharedSynthesisDocument(DownloadSharedSynthesisDocumentRequest request,
            StreamObserver<DownloadSharedSynthesisDocumentResponse> response) {
        SynthesisShare share = shares.open(request.getToken(), clock.instant())
                .filter(open -> directory.sharingStillConsented(open.beneficiaryId(), open.recipient()))
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("Ce lien de partage n'existe pas, a expiré "
                        + "ou n'est plus autorisé par le bénéficiaire.").asRuntimeException());
        StoredSynthesis synthesis = finalOf(share.assessmentId());
        byte[] pdf = documents.get(share.assessmentId(), synthesis.document().objectKey());
        accessLog.record(new Caller("share:" + share.id(), Set.of(), Set.of()),
                new AccessedData(share.resource(), share.beneficiaryId(), share.centreId()));
        log.info("Shared synthesis of assessment {} downloaded through share {} ({})", share.assessmentId(), share.id(),
                SecretPathTokens.logName(SecretPathTokens.hash(request.getToken())));
        HttpBodyChunks.send(pdf, PDF, properties.chunkSize(), body -> response.onNext(
                DownloadSharedSynthesisDocumentResponse.newBuilder().setBody(body).build()));
        response.onCompleted();
    }

    /** The bilan, as session-service lets the caller read it, noted as what the call sets out to reach. */
    private Bilan bilan(String assessmentId) {
        new FieldViolations().requireText("assessment_id", assessmentId, Lookups.MAX_ID_LENGTH).throwIfAny();
        Bilan bilan = directory.bilan(assessmentId);
        accessLog.attempting(Caller.current(), accessed(bilan));
        return bilan;
    }

    private StoredSynthesis current(Bilan bilan) {
        return syntheses.find(bilan.id()).orElseGet(() -> StoredSynthesis.empty(bilan.id()));
    }

    private StoredSynthesis finalOf(String assessmentId) {
        return syntheses.find(assessmentId).filter(StoredSynthesis::isFinal)
                .orElseThrow(() -> Status.FAILED_PRECONDITION.withDescription("La synthèse de ce bilan n'est "
                        + "pas encore finalisée.").asRuntimeException());
    }

    /** The draft as read, if the caller's etag names it; a final synthèse no longer changes. */
    private static StoredSynthesis draftAt(StoredSynthesis read, String etag) {
        if (read.isFinal()) {
            throw Status.FAILED_PRECONDITION.withDescription("La synthèse est finalisée : elle ne change plus.")
                    .asRuntimeException();
        }
        if (Etags.expectedVersion(etag, read.version()) != read.version()) {
            throw Status.ABORTED.withDescription("La synthèse a été modifiée entre-temps : relisez-la avant de "
                    + "l'enregistrer.").asRuntimeException();
        }
        return read;
    }

    private static Recipient checkRecipient(Recipient recipient) {
        FieldViolations violations = new FieldViolations();
        if (recipient.getKind() == RecipientKind.RECIPIENT_KIND_UNSPECIFIED) {
            violations.add("share.recipient.kind", "Indiquez à qui la synthèse est transmise (CEP_ADVISOR, EMPLOYER "
                    + "ou OTHER_RECIPIENT).");
        }
        violations.requireText("share.recipient.name", recipient.getName(), 200).throwIfAny();
        return recipient;
    }

    private static long revisionIn(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw FieldViolations.of("page_token", "Jeton de page invalide : reprenez depuis la première page.");
        }
    }

    /** FAILED_PRECONDITION naming the missing sections in French, each also as a violation for programs. */
    private static RuntimeException missingSections(List<SynthesisSection> missing) {
        PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
        missing.forEach(section -> failure.addViolations(PreconditionFailure.Violation.newBuilder()
                .setType("SYNTHESIS_SECTION_MISSING").setSubject(section.name())
                .setDescription(RequiredSections.LABELS.get(section))));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(Code.FAILED_PRECONDITION_VALUE)
                .setMessage(RequiredSections.describe(missing)).addDetails(Any.pack(failure.build())).build());
    }

    private void logAccess(Caller caller, Bilan bilan) {
        accessLog.record(caller, accessed(bilan));
    }

    private static AccessedData accessed(Bilan bilan) {
        return new AccessedData(bilan.resource(), bilan.beneficiaryId(), bilan.centreId());
    }
}
