package fr.bilan.beneficiary.profile;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.consent.ConsentEntry;
import fr.bilan.beneficiary.consent.ConsentKind;
import fr.bilan.beneficiary.consent.ConsentLedger;
import fr.bilan.beneficiary.consent.ConsentMessages;
import fr.bilan.beneficiary.consent.ConsentRecording;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.beneficiary.consent.Recipient;
import fr.bilan.proto.beneficiary.v1.AssignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.AssignConsultantResponse;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.CheckConsentResponse;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryResponse;
import fr.bilan.proto.beneficiary.v1.CreateConsentRecordRequest;
import fr.bilan.proto.beneficiary.v1.CreateConsentRecordResponse;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryResponse;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesResponse;
import fr.bilan.proto.beneficiary.v1.ListConsentRecordsRequest;
import fr.bilan.proto.beneficiary.v1.ListConsentRecordsResponse;
import fr.bilan.proto.beneficiary.v1.UnassignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.UnassignConsultantResponse;
import fr.bilan.proto.beneficiary.v1.UpdateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.UpdateBeneficiaryResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of beneficiary profiles and their consent ledgers: maps messages to the domain and
 * back, scopes each call to the caller, and leaves changes to {@link BeneficiaryRegistry} and
 * {@link ConsentRecording}.
 */
@GrpcService
class BeneficiaryGrpcService extends BeneficiaryServiceGrpc.BeneficiaryServiceImplBase {

    private final BeneficiaryRepository repository;
    private final BeneficiaryRegistry registry;
    private final BeneficiaryLookup lookup;
    private final ConsentRepository consents;
    private final ConsentRecording consentRecording;
    private final AccessLog accessLog;

    BeneficiaryGrpcService(BeneficiaryRepository repository, BeneficiaryRegistry registry, BeneficiaryLookup lookup,
            ConsentRepository consents, ConsentRecording consentRecording, AccessLog accessLog) {
        this.repository = repository;
        this.registry = registry;
        this.lookup = lookup;
        this.consents = consents;
        this.consentRecording = consentRecording;
        this.accessLog = accessLog;
    }

    @Override
    public void createBeneficiary(CreateBeneficiaryRequest request, StreamObserver<CreateBeneficiaryResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        BeneficiaryProfile profile = toProfile(request.getBeneficiary()).validate("beneficiary.");
        BeneficiaryAccess.checkCentre(caller, profile.centreId());
        Beneficiary created = registry.create(profile, BeneficiaryAccess.consultantsOnRegistration(caller),
                RequestKey.of(caller.subject(), request.getRequestId()));
        accessLog.record(caller, created.accessed());
        response.onNext(CreateBeneficiaryResponse.newBuilder().setBeneficiary(BeneficiaryMessages.toProto(created)).build());
        response.onCompleted();
    }

    @Override
    public void getBeneficiary(GetBeneficiaryRequest request, StreamObserver<GetBeneficiaryResponse> response) {
        Caller caller = Caller.current();
        Beneficiary beneficiary = find(request.getId(), "id");
        BeneficiaryAccess.checkRead(caller, beneficiary);
        accessLog.record(caller, beneficiary.accessed());
        response.onNext(GetBeneficiaryResponse.newBuilder().setBeneficiary(BeneficiaryMessages.toProto(beneficiary)).build());
        response.onCompleted();
    }

    @Override
    public void updateBeneficiary(UpdateBeneficiaryRequest request, StreamObserver<UpdateBeneficiaryResponse> response) {
        Caller caller = Caller.current();
        var proto = request.getBeneficiary();
        Beneficiary current = find(proto.getId(), "beneficiary.id");
        BeneficiaryAccess.checkStaff(caller, current);
        ProfileUpdate update = new ProfileUpdate(toProfile(proto), request.getUpdateMask().getPathsList());
        Beneficiary updated = registry.update(current, proto.getEtag(), update);
        accessLog.record(caller, updated.accessed());
        response.onNext(UpdateBeneficiaryResponse.newBuilder().setBeneficiary(BeneficiaryMessages.toProto(updated)).build());
        response.onCompleted();
    }

    @Override
    public void listBeneficiaries(ListBeneficiariesRequest request, StreamObserver<ListBeneficiariesResponse> response) {
        Caller caller = Caller.current();
        Set<EmploymentStatus> statuses = request.getEmploymentStatusesList().stream()
                .map(status -> toDomain(status, "employment_statuses"))
                .collect(Collectors.toSet());
        BeneficiaryQuery query = BeneficiaryQuery.of(request.getCentreId(),
                BeneficiaryAccess.centresToList(caller, request.getCentreId()), statuses, request.getNamePrefix(),
                request.getPageSize(), request.getPageToken());
        BeneficiaryRepository.Page page = repository.list(query.assignedTo(BeneficiaryAccess.assignedConsultantToList(caller)));
        var answer = ListBeneficiariesResponse.newBuilder();
        page.beneficiaries().forEach(beneficiary -> answer.addBeneficiaries(BeneficiaryMessages.toProto(beneficiary)));
        page.next().ifPresent(last -> answer.setNextPageToken(query.tokenAfter(last)));
        accessLog.recordAll(caller, page.beneficiaries().stream().map(Beneficiary::accessed).toList());
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void createConsentRecord(CreateConsentRecordRequest request,
            StreamObserver<CreateConsentRecordResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Beneficiary beneficiary = find(request.getBeneficiaryId(), "beneficiary_id");
        boolean byTheBeneficiary = BeneficiaryAccess.isOwnRecord(caller, beneficiary);
        if (!byTheBeneficiary) {
            BeneficiaryAccess.checkStaff(caller, beneficiary);
        }
        ConsentEntry recorded = consentRecording.record(beneficiary.id(),
                beneficiary.profile().employmentStatus() == EmploymentStatus.PUBLIC_SECTOR_AGENT,
                ConsentMessages.toNewConsent(request.getConsentRecord()), byTheBeneficiary, caller.subject(),
                RequestKey.of(caller.subject(), request.getRequestId()));
        accessLog.record(caller, beneficiary.accessed("consentRecords"));
        response.onNext(CreateConsentRecordResponse.newBuilder().setConsentRecord(ConsentMessages.toProto(recorded)).build());
        response.onCompleted();
    }

    @Override
    public void listConsentRecords(ListConsentRecordsRequest request, StreamObserver<ListConsentRecordsResponse> response) {
        Caller caller = Caller.current();
        Beneficiary beneficiary = find(request.getBeneficiaryId(), "beneficiary_id");
        BeneficiaryAccess.checkRead(caller, beneficiary);
        var answer = ListConsentRecordsResponse.newBuilder();
        consents.ledgerOf(beneficiary.id()).entries().forEach(entry -> answer.addConsentRecords(ConsentMessages.toProto(entry)));
        accessLog.record(caller, beneficiary.accessed("consentRecords"));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void checkConsent(CheckConsentRequest request, StreamObserver<CheckConsentResponse> response) {
        Caller caller = Caller.current();
        Beneficiary beneficiary = find(request.getBeneficiaryId(), "beneficiary_id");
        BeneficiaryAccess.checkRead(caller, beneficiary);
        ConsentKind kind = ConsentMessages.toKind(request.getKind());
        if (kind == null) {
            throw FieldViolations.of("kind", "Indiquez l'objet du consentement.");
        }
        Recipient recipient = request.hasRecipient() ? ConsentMessages.toRecipient(request.getRecipient()) : null;
        ConsentLedger ledger = consents.ledgerOf(beneficiary.id());
        var answer = CheckConsentResponse.newBuilder().setGranted(ledger.inForce(kind, recipient));
        ledger.deciding(kind, recipient).ifPresent(entry -> answer.setDecidingRecord(ConsentMessages.toProto(entry)));
        accessLog.record(caller, beneficiary.accessed("consentRecords"));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void assignConsultant(AssignConsultantRequest request, StreamObserver<AssignConsultantResponse> response) {
        Beneficiary assigned = changeAssignment(request.getBeneficiaryId(), request.getConsultantId(), true);
        response.onNext(AssignConsultantResponse.newBuilder().setBeneficiary(BeneficiaryMessages.toProto(assigned)).build());
        response.onCompleted();
    }

    @Override
    public void unassignConsultant(UnassignConsultantRequest request, StreamObserver<UnassignConsultantResponse> response) {
        Beneficiary unassigned = changeAssignment(request.getBeneficiaryId(), request.getConsultantId(), false);
        response.onNext(UnassignConsultantResponse.newBuilder().setBeneficiary(BeneficiaryMessages.toProto(unassigned))
                .build());
        response.onCompleted();
    }

    private Beneficiary changeAssignment(String beneficiaryId, String consultantId, boolean assigned) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("consultant_id", consultantId, BeneficiaryProfile.MAX_ID_LENGTH).throwIfAny();
        Beneficiary beneficiary = find(beneficiaryId, "beneficiary_id");
        BeneficiaryAccess.checkAssigner(caller, beneficiary);
        Beneficiary changed = registry.assign(beneficiary, consultantId, assigned);
        accessLog.record(caller, changed.accessed());
        return changed;
    }

    private Beneficiary find(String id, String field) {
        return lookup.require(id, field);
    }

    private static BeneficiaryProfile toProfile(fr.bilan.proto.beneficiary.v1.Beneficiary proto) {
        EmploymentStatus status = proto.getEmploymentStatus()
                == fr.bilan.proto.beneficiary.v1.EmploymentStatus.EMPLOYMENT_STATUS_UNSPECIFIED
                ? null : toDomain(proto.getEmploymentStatus(), "beneficiary.employment_status");
        return new BeneficiaryProfile(proto.getCentreId(), proto.getGivenName(), proto.getFamilyName(),
                proto.getEmail(), proto.getPhone(), status, proto.getAccountId());
    }

    private static EmploymentStatus toDomain(fr.bilan.proto.beneficiary.v1.EmploymentStatus status, String field) {
        try {
            return EmploymentStatus.valueOf(status.name());
        } catch (IllegalArgumentException e) {
            throw FieldViolations.of(field, "Situation professionnelle inconnue.");
        }
    }
}
