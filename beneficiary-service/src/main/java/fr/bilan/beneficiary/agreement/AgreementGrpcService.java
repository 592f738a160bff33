package fr.bilan.beneficiary.agreement;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingRepository;
import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryAccess;
import fr.bilan.beneficiary.profile.BeneficiaryLookup;
import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateAgreementRequest;
import fr.bilan.proto.beneficiary.v1.CreateAgreementResponse;
import fr.bilan.proto.beneficiary.v1.GetAgreementDocumentRequest;
import fr.bilan.proto.beneficiary.v1.GetAgreementDocumentResponse;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.GetAgreementResponse;
import fr.bilan.proto.beneficiary.v1.RefuseAgreementRequest;
import fr.bilan.proto.beneficiary.v1.RefuseAgreementResponse;
import fr.bilan.proto.beneficiary.v1.SendAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SendAgreementResponse;
import fr.bilan.proto.beneficiary.v1.SignAgreementRequest;
import fr.bilan.proto.beneficiary.v1.SignAgreementResponse;
import fr.bilan.proto.beneficiary.v1.UpdateAgreementRequest;
import fr.bilan.proto.beneficiary.v1.UpdateAgreementResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoDates;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of tripartite agreements: reads by the employee (their own) and by the centre's
 * staff; changes by the staff, except the employee's own signature or refusal. An employer never
 * reads through the API. Each call parses, authorises, asks {@link AgreementChanges} (or the
 * lifecycle, to read) and maps the answer.
 */
@GrpcService
class AgreementGrpcService extends AgreementServiceGrpc.AgreementServiceImplBase {

    private final AgreementRepository agreements;
    private final AgreementChanges changes;
    private final FundingRepository fundings;
    private final BeneficiaryLookup beneficiaries;
    private final AgreementDocuments documents;
    private final Clock clock;
    private final AccessLog accessLog;

    AgreementGrpcService(AgreementRepository agreements, AgreementChanges changes, FundingRepository fundings,
            BeneficiaryLookup beneficiaries, AgreementDocuments documents, Clock clock, AccessLog accessLog) {
        this.agreements = agreements;
        this.changes = changes;
        this.fundings = fundings;
        this.beneficiaries = beneficiaries;
        this.documents = documents;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @Override
    public void createAgreement(CreateAgreementRequest request, StreamObserver<CreateAgreementResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Funding funding = fundings.require(request.getFundingId(), "funding_id");
        Beneficiary beneficiary = beneficiaries.require(funding.beneficiaryId(), "funding_id");
        BeneficiaryAccess.checkStaff(caller, beneficiary);
        AgreementMentions requested = AgreementMessages.toMentions(request.getAgreement());
        Agreement created = changes.create(funding, beneficiary.profile().centreId(), requested,
                RequestKey.of(caller.subject(), request.getRequestId()));
        accessLog.record(caller, created.accessed());
        response.onNext(CreateAgreementResponse.newBuilder().setAgreement(toProto(created)).build());
        response.onCompleted();
    }

    @Override
    public void getAgreement(GetAgreementRequest request, StreamObserver<GetAgreementResponse> response) {
        Caller caller = Caller.current();
        Agreement agreement = agreements.require(request.getId(), "id");
        checkRead(caller, agreement);
        AgreementLifecycle.checkKept(agreement);
        accessLog.record(caller, agreement.accessed());
        response.onNext(GetAgreementResponse.newBuilder().setAgreement(toProto(agreement)).build());
        response.onCompleted();
    }

    /**
     * The agreement's PDF, for whoever may read the agreement. Logged as read before it is rendered:
     * the agreement and the employee's name leave for synthesis-service on the caller's behalf.
     */
    @Override
    public void getAgreementDocument(GetAgreementDocumentRequest request,
            StreamObserver<GetAgreementDocumentResponse> response) {
        Caller caller = Caller.current();
        Agreement agreement = agreements.require(request.getId(), "id");
        Beneficiary employee = checkRead(caller, agreement);
        AgreementLifecycle.checkKept(agreement);
        accessLog.record(caller, agreement.accessed());
        var document = documents.render(toProto(agreement),
                employee.profile().givenName() + " " + employee.profile().familyName());
        response.onNext(GetAgreementDocumentResponse.newBuilder().setBody(document).build());
        response.onCompleted();
    }

    @Override
    public void updateAgreement(UpdateAgreementRequest request, StreamObserver<UpdateAgreementResponse> response) {
        Caller caller = Caller.current();
        var proto = request.getAgreement();
        Agreement current = agreements.require(proto.getId(), "agreement.id");
        BeneficiaryAccess.checkStaff(caller, beneficiaries.require(current.beneficiaryId(), "agreement.id"));
        AgreementUpdate update = new AgreementUpdate(AgreementMessages.toMentions(proto),
                request.getUpdateMask().getPathsList());
        Agreement saved = changes.update(current, proto.getEtag(), update);
        accessLog.record(caller, saved.accessed());
        response.onNext(UpdateAgreementResponse.newBuilder().setAgreement(toProto(saved)).build());
        response.onCompleted();
    }

    @Override
    public void sendAgreement(SendAgreementRequest request, StreamObserver<SendAgreementResponse> response) {
        Caller caller = Caller.current();
        Agreement current = agreements.require(request.getId(), "id");
        BeneficiaryAccess.checkStaff(caller, beneficiaries.require(current.beneficiaryId(), "id"));
        FieldViolations violations = new FieldViolations();
        LocalDate receiveDate = ProtoDates.day(request.getReceiveDate(), "receive_date", violations);
        violations.throwIfAny();
        Agreement saved = changes.send(current, request.getEtag(), receiveDate);
        accessLog.record(caller, saved.accessed());
        response.onNext(SendAgreementResponse.newBuilder().setAgreement(toProto(saved)).build());
        response.onCompleted();
    }

    @Override
    public void signAgreement(SignAgreementRequest request, StreamObserver<SignAgreementResponse> response) {
        Caller caller = Caller.current();
        var signature = request.getSignature();
        Agreement current = agreements.require(request.getId(), "id");
        boolean byTheEmployee = checkEmployeeOrStaff(caller, current);
        Agreement saved = changes.sign(current, request.getEtag(),
                ContractEnums.toDomain(AgreementParty.class, signature.getParty()),
                ContractEnums.toDomain(EvidenceMethod.class, signature.getMethod()), signature.getEvidenceSha256(),
                caller.subject(), byTheEmployee);
        accessLog.record(caller, saved.accessed());
        response.onNext(SignAgreementResponse.newBuilder().setAgreement(toProto(saved)).build());
        response.onCompleted();
    }

    @Override
    public void refuseAgreement(RefuseAgreementRequest request, StreamObserver<RefuseAgreementResponse> response) {
        Caller caller = Caller.current();
        Agreement current = agreements.require(request.getId(), "id");
        boolean byTheEmployee = checkEmployeeOrStaff(caller, current);
        Agreement saved = changes.refuse(current, ContractEnums.toDomain(EvidenceMethod.class, request.getMethod()),
                request.getEvidenceSha256(), caller.subject(), byTheEmployee);
        accessLog.record(caller, saved.accessed());
        response.onNext(RefuseAgreementResponse.newBuilder().setAgreement(toProto(saved)).build());
        response.onCompleted();
    }

    /** The agreement's employee, if the caller may read it: the employee themself, or staff of the centre. */
    private Beneficiary checkRead(Caller caller, Agreement agreement) {
        Beneficiary employee = beneficiaries.require(agreement.beneficiaryId(), "id");
        BeneficiaryAccess.checkRead(caller, employee);
        return employee;
    }

    /** Whether the caller is the employee themself; otherwise they must be staff of the centre. */
    private boolean checkEmployeeOrStaff(Caller caller, Agreement agreement) {
        Beneficiary employee = beneficiaries.require(agreement.beneficiaryId(), "id");
        boolean own = BeneficiaryAccess.isOwnRecord(caller, employee);
        if (!own) {
            BeneficiaryAccess.checkStaff(caller, employee);
        }
        return own;
    }

    private fr.bilan.proto.beneficiary.v1.Agreement toProto(Agreement agreement) {
        return AgreementMessages.toProto(agreement, clock.instant());
    }
}
