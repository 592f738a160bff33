package fr.bilan.beneficiary.funding;

import java.util.List;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryAccess;
import fr.bilan.beneficiary.profile.BeneficiaryLookup;
import fr.bilan.proto.beneficiary.v1.CancelFundingRequest;
import fr.bilan.proto.beneficiary.v1.CancelFundingResponse;
import fr.bilan.proto.beneficiary.v1.CreateFundingRequest;
import fr.bilan.proto.beneficiary.v1.CreateFundingResponse;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingResponse;
import fr.bilan.proto.beneficiary.v1.ListFundingsRequest;
import fr.bilan.proto.beneficiary.v1.ListFundingsResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of fundings: maps messages to the domain and back, scopes each call to the caller,
 * and leaves the rules to {@link FundingRegistration}.
 */
@GrpcService
class FundingGrpcService extends FundingServiceGrpc.FundingServiceImplBase {

    private final FundingRepository fundings;
    private final FundingRegistration registration;
    private final FundingViews views;
    private final BeneficiaryLookup beneficiaries;
    private final AccessLog accessLog;

    FundingGrpcService(FundingRepository fundings, FundingRegistration registration, FundingViews views,
            BeneficiaryLookup beneficiaries, AccessLog accessLog) {
        this.fundings = fundings;
        this.registration = registration;
        this.views = views;
        this.beneficiaries = beneficiaries;
        this.accessLog = accessLog;
    }

    @Override
    public void createFunding(CreateFundingRequest request, StreamObserver<CreateFundingResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Beneficiary beneficiary = beneficiaries.require(request.getBeneficiaryId(), "beneficiary_id");
        BeneficiaryAccess.checkStaff(caller, beneficiary);
        NewFunding requested = FundingMessages.toNewFunding(request.getFunding());
        Funding created = registration.register(beneficiary, requested,
                RequestKey.of(caller.subject(), request.getRequestId()), caller.subject());
        accessLog.record(caller, created.accessed());
        response.onNext(CreateFundingResponse.newBuilder().setFunding(toProto(created)).build());
        response.onCompleted();
    }

    @Override
    public void getFunding(GetFundingRequest request, StreamObserver<GetFundingResponse> response) {
        Caller caller = Caller.current();
        Funding funding = fundings.require(request.getId(), "id");
        BeneficiaryAccess.checkRead(caller, beneficiaries.require(funding.beneficiaryId(), "id"));
        accessLog.record(caller, funding.accessed());
        response.onNext(GetFundingResponse.newBuilder().setFunding(toProto(funding)).build());
        response.onCompleted();
    }

    @Override
    public void listFundings(ListFundingsRequest request, StreamObserver<ListFundingsResponse> response) {
        Caller caller = Caller.current();
        Beneficiary beneficiary = beneficiaries.require(request.getBeneficiaryId(), "beneficiary_id");
        BeneficiaryAccess.checkRead(caller, beneficiary);
        List<Funding> all = fundings.listByBeneficiary(beneficiary.id());
        // an empty list still tells something about the beneficiary
        accessLog.recordAll(caller, all.isEmpty() ? List.of(beneficiary.accessed("fundings"))
                : all.stream().map(Funding::accessed).toList());
        var answer = ListFundingsResponse.newBuilder();
        all.forEach(funding -> answer.addFundings(toProto(funding)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void cancelFunding(CancelFundingRequest request, StreamObserver<CancelFundingResponse> response) {
        Caller caller = Caller.current();
        Funding funding = fundings.require(request.getId(), "id");
        BeneficiaryAccess.checkCentre(caller, funding.centreId());
        Funding cancelled = registration.cancel(funding);
        accessLog.record(caller, cancelled.accessed());
        response.onNext(CancelFundingResponse.newBuilder().setFunding(toProto(cancelled)).build());
        response.onCompleted();
    }

    private fr.bilan.proto.beneficiary.v1.Funding toProto(Funding funding) {
        return FundingMessages.toProto(views.of(funding));
    }
}
