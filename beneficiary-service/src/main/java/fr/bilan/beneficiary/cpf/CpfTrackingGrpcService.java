package fr.bilan.beneficiary.cpf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryRepository;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesResponse;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressResponse;
import fr.bilan.proto.beneficiary.v1.CpfDossierState;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoDates;
import io.grpc.stub.StreamObserver;

/**
 * How the CPF dossiers follow the bilan and reach the staff (internal: the contract admits platform
 * services only): session-service's progress events, notification-service's due deadlines. Each
 * dossier read or changed goes to its beneficiary's access log, under the calling service.
 */
@GrpcService
class CpfTrackingGrpcService extends CpfTrackingServiceGrpc.CpfTrackingServiceImplBase {

    /** The digest reads every due dossier of the network at once: pages larger than the public lists'. */
    private static final int MAX_DUE_PAGE = 2000;

    private final CpfDossiers dossiers;
    private final BeneficiaryRepository beneficiaries;
    private final AccessLog accessLog;

    CpfTrackingGrpcService(CpfDossiers dossiers, BeneficiaryRepository beneficiaries, AccessLog accessLog) {
        this.dossiers = dossiers;
        this.beneficiaries = beneficiaries;
        this.accessLog = accessLog;
    }

    @Override
    public void recordBilanProgress(RecordBilanProgressRequest request,
            StreamObserver<RecordBilanProgressResponse> response) {
        new FieldViolations().requireText("event_id", request.getEventId(), Lookups.MAX_ID_LENGTH)
                .requireText("assessment_id", request.getAssessmentId(), Lookups.MAX_ID_LENGTH)
                .requireText("funding_id", request.getFundingId(), Lookups.MAX_ID_LENGTH).throwIfAny();
        BilanProgress progress = CpfDossierMessages.toProgress(request);
        Optional<CpfDossier> recorded = dossiers.recordProgress(request.getFundingId(), request.getEventId(), progress);
        recorded.ifPresent(dossier -> accessLog.record(Caller.current(), dossier.accessed()));
        response.onNext(RecordBilanProgressResponse.newBuilder().setRecorded(recorded.isPresent()).build());
        response.onCompleted();
    }

    @Override
    public void listDueCpfDeadlines(ListDueCpfDeadlinesRequest request,
            StreamObserver<ListDueCpfDeadlinesResponse> response) {
        FieldViolations violations = new FieldViolations();
        LocalDate through = ProtoDates.day(request.getThroughDate(), "through_date", violations);
        if (through == null && violations.isEmpty()) {
            violations.add("through_date", "Indiquez le dernier jour d'échéance compris.");
        }
        int size = PageTokens.pageSize(request.getPageSize(), MAX_DUE_PAGE, violations);
        violations.throwIfAny();
        PageTokens tokens = PageTokens.boundTo(request.getCentreId(), through);
        var after = tokens.positionOf(request.getPageToken(), 2)
                .map(position -> new CpfDossierRepository.Position(position.get(0), position.get(1)));
        CpfDossierRepository.Page page = dossiers.listDue(
                request.getCentreId().isEmpty() ? Optional.empty() : Optional.of(request.getCentreId()), through, after,
                size);
        Map<String, List<String>> consultants = new HashMap<>();
        var answer = ListDueCpfDeadlinesResponse.newBuilder();
        for (CpfDossier dossier : page.dossiers()) {
            CpfCentre centre = dossiers.centre(dossier.centreId());
            dossier.nextDeadline(centre).ifPresent(deadline -> answer.addDossiers(DueCpfDossier.newBuilder()
                    .setDossierId(dossier.id())
                    .setCentreId(dossier.centreId())
                    .setBeneficiaryId(dossier.beneficiaryId())
                    .addAllConsultantIds(consultants.computeIfAbsent(dossier.beneficiaryId(),
                            id -> beneficiaries.findById(id).map(Beneficiary::consultantIds).orElse(List.of())))
                    .setDossierNumber(dossier.dossierNumber())
                    .setState(ContractEnums.toContract(CpfDossierState.class, dossier.state()))
                    .setDeadline(CpfDossierMessages.toProto(deadline, dossiers.today(dossier.centreId())))));
        }
        accessLog.recordAll(Caller.current(), page.dossiers().stream().map(CpfDossier::accessed).toList());
        page.next().ifPresent(next -> answer.setNextPageToken(tokens.after(next.deadlineOrder(), next.id())));
        response.onNext(answer.build());
        response.onCompleted();
    }
}
