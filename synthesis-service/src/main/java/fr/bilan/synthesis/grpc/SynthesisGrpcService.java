package fr.bilan.synthesis.grpc;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.service.GrpcService;

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
import fr.bilan.proto.synthesis.v1.SynthesisServiceGrpc;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisObservationsRequest;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisObservationsResponse;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisRequest;
import fr.bilan.proto.synthesis.v1.UpdateSynthesisResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.grpc.HttpBodyChunks;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import fr.bilan.support.security.SecretPathTokens;
import fr.bilan.synthesis.access.Reader;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.synthesis.bilan.Recipient;
import fr.bilan.synthesis.bilan.RecipientMessages;
import fr.bilan.synthesis.content.Content;
import fr.bilan.synthesis.content.ContentMessages;
import fr.bilan.synthesis.content.Section;
import fr.bilan.synthesis.content.Syntheses;
import fr.bilan.synthesis.content.Synthesis;
import fr.bilan.synthesis.content.SynthesisProperties;
import fr.bilan.synthesis.document.Finalisation;
import fr.bilan.synthesis.share.ShareMessages;
import fr.bilan.synthesis.share.ShareRepository.NewShare;
import fr.bilan.synthesis.share.Sharing;
import fr.bilan.synthesis.share.Sharing.SharedDocument;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of the synthèse. Every call first reads the bilan from session-service with the
 * caller's token, then lets through only its beneficiary and its consultant ({@link Reader}); every
 * read of the text or the PDF is access-logged before it leaves. The recipient of a share has no
 * token: the path's secret opens the share ({@link Sharing}). The rules are the synthèse's own
 * ({@link Synthesis}); this class parses, authorises, calls one operation and maps its answer.
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
    private final Syntheses syntheses;
    private final Finalisation finalisation;
    private final Sharing sharing;
    private final SynthesisProperties properties;
    private final AccessLog accessLog;

    SynthesisGrpcService(BilanDirectory directory, Syntheses syntheses, Finalisation finalisation, Sharing sharing,
            SynthesisProperties properties, AccessLog accessLog) {
        this.directory = directory;
        this.syntheses = syntheses;
        this.finalisation = finalisation;
        this.sharing = sharing;
        this.properties = properties;
        this.accessLog = accessLog;
    }

    @Override
    public void getSynthesis(GetSynthesisRequest request, StreamObserver<GetSynthesisResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        reader(caller, bilan);
        Synthesis synthesis = syntheses.current(bilan);
        logAccess(caller, bilan);
        response.onNext(GetSynthesisResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(synthesis)).build());
        response.onCompleted();
    }

    @Override
    public void updateSynthesis(UpdateSynthesisRequest request, StreamObserver<UpdateSynthesisResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getSynthesis().getAssessmentId());
        reader(caller, bilan).requireConsultant();
        Set<Section> sections = SynthesisMessages.sections(request.getUpdateMask().getPathsList());
        Content sent = ContentMessages.fromRequest(request.getSynthesis().getContent(), sections);
        Synthesis saved = syntheses.write(bilan, request.getSynthesis().getEtag(), sent, sections);
        logAccess(caller, bilan);
        response.onNext(UpdateSynthesisResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(saved)).build());
        response.onCompleted();
    }

    @Override
    public void listSynthesisRevisions(ListSynthesisRevisionsRequest request,
            StreamObserver<ListSynthesisRevisionsResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        reader(caller, bilan);
        FieldViolations violations = new FieldViolations();
        int size = PageTokens.pageSize(request.getPageSize(), MAX_REVISIONS_PAGE_SIZE, violations);
        violations.throwIfAny();
        PageTokens tokens = PageTokens.boundTo(bilan.id());
        Optional<Long> after = tokens.positionOf(request.getPageToken(), 1).map(position -> revisionIn(position.get(0)));
        List<Synthesis> page = syntheses.revisions(bilan, after, size);
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
        reader(caller, bilan).requireBeneficiary();
        Synthesis saved = syntheses.observe(bilan, request.getEtag(), request.getObservations());
        logAccess(caller, bilan);
        response.onNext(UpdateSynthesisObservationsResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(saved))
                .build());
        response.onCompleted();
    }

    @Override
    public void finalizeSynthesis(FinalizeSynthesisRequest request, StreamObserver<FinalizeSynthesisResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        reader(caller, bilan).requireConsultant();
        Synthesis done = finalisation.finalise(bilan, request.getEtag(), ConsultantName.current());
        logAccess(caller, bilan);
        response.onNext(FinalizeSynthesisResponse.newBuilder().setSynthesis(SynthesisMessages.toProto(done)).build());
        response.onCompleted();
    }

    @Override
    public void downloadSynthesisDocument(DownloadSynthesisDocumentRequest request,
            StreamObserver<DownloadSynthesisDocumentResponse> response) {
        Caller caller = Caller.current();
        Bilan bilan = bilan(request.getAssessmentId());
        Reader reader = reader(caller, bilan);
        byte[] pdf = syntheses.download(bilan, reader);
        logAccess(caller, bilan);
        HttpBodyChunks.send(pdf, PDF, properties.chunkSize(), body -> response.onNext(
                DownloadSynthesisDocumentResponse.newBuilder().setBody(body).build()));
        response.onCompleted();
    }

    @Override
    public void createSynthesisShare(CreateSynthesisShareRequest request,
            StreamObserver<CreateSynthesisShareResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Recipient recipient = recipient(request.getShare().getRecipient());
        Bilan bilan = bilan(request.getAssessmentId());
        reader(caller, bilan);
        NewShare made = sharing.create(bilan, recipient, caller.subject(), request.getRequestId());
        accessLog.record(caller, new AccessedData(made.share().resource(), bilan.beneficiaryId(), bilan.centreId()));
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
        reader(caller, bilan);
        var answer = ListSynthesisSharesResponse.newBuilder();
        sharing.list(bilan).forEach(share -> answer.addShares(ShareMessages.toProto(share)));
        logAccess(caller, bilan);
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void downloadSharedSynthesisDocument(DownloadSharedSynthesisDocumentRequest request,
            StreamObserver<DownloadSharedSynthesisDocumentResponse> response) {
        SharedDocument shared = sharing.open(request.getToken());
        accessLog.record(new Caller("share:" + shared.share().id(), Set.of(), Set.of()),
                new AccessedData(shared.share().resource(), shared.share().beneficiaryId(), shared.share().centreId()));
        log.info("Shared synthesis of assessment {} downloaded through share {} ({})", shared.share().assessmentId(),
                shared.share().id(), SecretPathTokens.logName(SecretPathTokens.hash(request.getToken())));
        HttpBodyChunks.send(shared.pdf(), PDF, properties.chunkSize(), body -> response.onNext(
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

    /** Who the caller is to the synthèse of {@code bilan}; refused unless its beneficiary or consultant. */
    private Reader reader(Caller caller, Bilan bilan) {
        return Reader.of(caller, bilan, () -> directory.beneficiary(bilan.beneficiaryId()).accountId());
    }

    private static Recipient recipient(fr.bilan.proto.beneficiary.v1.Recipient sent) {
        Recipient recipient = RecipientMessages.fromProto(sent);
        FieldViolations violations = new FieldViolations();
        if (recipient.kind() == null) {
            violations.add("share.recipient.kind", "Indiquez à qui la synthèse est transmise (CEP_ADVISOR, EMPLOYER "
                    + "ou OTHER_RECIPIENT).");
        }
        violations.requireText("share.recipient.name", recipient.name(), 200).throwIfAny();
        return recipient;
    }

    private static long revisionIn(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw FieldViolations.of("page_token", "Jeton de page invalide : reprenez depuis la première page.");
        }
    }

    private void logAccess(Caller caller, Bilan bilan) {
        accessLog.record(caller, accessed(bilan));
    }

    private static AccessedData accessed(Bilan bilan) {
        return new AccessedData(bilan.resource(), bilan.beneficiaryId(), bilan.centreId());
    }
}
