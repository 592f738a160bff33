package fr.bilan.beneficiary.cpf;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryAccess;
import fr.bilan.beneficiary.profile.BeneficiaryLookup;
import fr.bilan.beneficiary.profile.BeneficiaryRepository;
import fr.bilan.proto.beneficiary.v1.CentreOverdueCount;
import fr.bilan.proto.beneficiary.v1.CountOverdueCpfDossiersRequest;
import fr.bilan.proto.beneficiary.v1.CountOverdueCpfDossiersResponse;
import fr.bilan.proto.beneficiary.v1.CpfDossierServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CpfDossierView;
import fr.bilan.proto.beneficiary.v1.GetCpfDossierRequest;
import fr.bilan.proto.beneficiary.v1.GetCpfDossierResponse;
import fr.bilan.proto.beneficiary.v1.ListCpfDossiersRequest;
import fr.bilan.proto.beneficiary.v1.ListCpfDossiersResponse;
import fr.bilan.proto.beneficiary.v1.RecordCpfStepRequest;
import fr.bilan.proto.beneficiary.v1.RecordCpfStepResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of CPF dossiers: parses, scopes each call to the caller as the funding RPCs do (the
 * beneficiary's assigned consultant or a manager of their centre), calls {@link CpfDossiers} once
 * and maps the answer. Every dossier read or changed goes to its beneficiary's access log.
 */
@GrpcService
class CpfDossierGrpcService extends CpfDossierServiceGrpc.CpfDossierServiceImplBase {

    private final CpfDossiers dossiers;
    private final BeneficiaryLookup beneficiaries;
    private final BeneficiaryRepository beneficiaryRecords;
    private final AccessLog accessLog;

    CpfDossierGrpcService(CpfDossiers dossiers, BeneficiaryLookup beneficiaries, BeneficiaryRepository beneficiaryRecords,
            AccessLog accessLog) {
        this.dossiers = dossiers;
        this.beneficiaries = beneficiaries;
        this.beneficiaryRecords = beneficiaryRecords;
        this.accessLog = accessLog;
    }

    @Override
    public void getCpfDossier(GetCpfDossierRequest request, StreamObserver<GetCpfDossierResponse> response) {
        Caller caller = Caller.current();
        CpfDossier dossier = dossiers.require(request.getId(), "id");
        BeneficiaryAccess.checkStaff(caller, beneficiaries.require(dossier.beneficiaryId(), "id"));
        accessLog.record(caller, dossier.accessed());
        response.onNext(GetCpfDossierResponse.newBuilder().setDossier(toProto(dossier)).build());
        response.onCompleted();
    }

    @Override
    public void listCpfDossiers(ListCpfDossiersRequest request, StreamObserver<ListCpfDossiersResponse> response) {
        Caller caller = Caller.current();
        FieldViolations violations = new FieldViolations().requireText("centre_id", request.getCentreId(), 64);
        int size = PageTokens.pageSize(request.getPageSize(), PageTokens.MAX_PAGE_SIZE, violations);
        CpfListView view = request.getView() == CpfDossierView.CPF_DOSSIER_VIEW_UNSPECIFIED ? CpfListView.OPEN
                : ContractEnums.toDomain(CpfListView.class, request.getView());
        if (view == null) {
            violations.add("view", "Vue inconnue : OVERDUE, DUE_SOON ou ALL (par défaut, les dossiers ouverts).");
        }
        violations.throwIfAny();
        BeneficiaryAccess.checkCentre(caller, request.getCentreId());
        PageTokens tokens = PageTokens.boundTo(request.getCentreId(), view);
        var after = tokens.positionOf(request.getPageToken(), 2)
                .map(position -> new CpfDossierRepository.Position(position.get(0), position.get(1)));
        // a consultant sees the dossiers of the beneficiaries assigned to them only: narrowed in the query, so
        // that every page is whole
        Optional<Collection<String>> assigned = BeneficiaryAccess.assignedConsultantToList(caller)
                .map(consultant -> beneficiaryRecords.idsAssignedTo(consultant, request.getCentreId()));
        CpfDossierRepository.Page page = dossiers.list(request.getCentreId(), view, assigned, after, size);
        List<CpfDossier> shown = page.dossiers();
        accessLog.recordAll(caller, shown.stream().map(CpfDossier::accessed).toList());
        var answer = ListCpfDossiersResponse.newBuilder();
        shown.forEach(dossier -> answer.addDossiers(toProto(dossier)));
        page.next().ifPresent(next -> answer.setNextPageToken(tokens.after(next.deadlineOrder(), next.id())));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void recordCpfStep(RecordCpfStepRequest request, StreamObserver<RecordCpfStepResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        CpfDossier dossier = dossiers.require(request.getId(), "id");
        Beneficiary beneficiary = beneficiaries.require(dossier.beneficiaryId(), "id");
        BeneficiaryAccess.checkStaff(caller, beneficiary);
        if (!request.hasStep()) {
            throw FieldViolations.of("step", "Indiquez l'étape faite sur Mon Compte Formation.");
        }
        CpfStepInput step = CpfDossierMessages.toInput(request.getStep());
        CpfDossier recorded = dossiers.recordStep(dossier, request.getEtag(), step, caller.subject(), StepSource.STAFF,
                request.getRequestId().isBlank() ? null : RequestKey.of(caller.subject(), request.getRequestId()));
        accessLog.record(caller, recorded.accessed());
        response.onNext(RecordCpfStepResponse.newBuilder().setDossier(toProto(recorded)).build());
        response.onCompleted();
    }

    @Override
    public void countOverdueCpfDossiers(CountOverdueCpfDossiersRequest request,
            StreamObserver<CountOverdueCpfDossiersResponse> response) {
        Caller caller = Caller.current();
        var answer = CountOverdueCpfDossiersResponse.newBuilder();
        for (CpfDossiers.CentreOverdue centre : dossiers.overdue(
                BeneficiaryAccess.centresOverseen(caller, request.getCentreId()))) {
            answer.setOverdue(answer.getOverdue() + centre.overdue());
            answer.addCentres(CentreOverdueCount.newBuilder().setCentreId(centre.centreId()).setOverdue(centre.overdue()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    private fr.bilan.proto.beneficiary.v1.CpfDossier toProto(CpfDossier dossier) {
        return CpfDossierMessages.toProto(dossier, dossiers.centre(dossier.centreId()), dossiers.today(dossier.centreId()));
    }
}
