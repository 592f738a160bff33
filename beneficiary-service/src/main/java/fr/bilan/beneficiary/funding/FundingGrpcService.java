package fr.bilan.beneficiary.funding;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.France;
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

/** The gRPC edge of fundings: maps messages to the domain and back, and scopes each call to the caller. */
@GrpcService
class FundingGrpcService extends FundingServiceGrpc.FundingServiceImplBase {

    private final FundingRepository fundings;
    private final FundingViews views;
    private final BeneficiaryLookup beneficiaries;
    private final Clock clock;
    private final AccessLog accessLog;
    private final long cpfCoPaymentCents;

    FundingGrpcService(FundingRepository fundings, FundingViews views, BeneficiaryLookup beneficiaries, Clock clock,
            AccessLog accessLog, @Value("${bilan.funding.cpf-co-payment-cents:10320}") long cpfCoPaymentCents) {
        this.fundings = fundings;
        this.views = views;
        this.beneficiaries = beneficiaries;
        this.clock = clock;
        this.accessLog = accessLog;
        this.cpfCoPaymentCents = cpfCoPaymentCents;
    }

    @Override
    public void createFunding(CreateFundingRequest request, StreamObserver<CreateFundingResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        Beneficiary beneficiary = beneficiaries.require(request.getBeneficiaryId(), "beneficiary_id");
        BeneficiaryAccess.checkStaff(caller, beneficiary);
        String requestKey = RequestKey.of(caller.subject(), request.getRequestId());
        // a retry is answered with its first funding, whatever happened to it since
        Funding created = fundings.findByRequestKey(requestKey).orElseGet(() -> {
            NewFunding funding = FundingMessages.toNewFunding(request.getFunding())
                    .validate(beneficiary.profile().employmentStatus(), fundings.listByBeneficiary(beneficiary.id()),
                            France.today(clock), cpfCoPaymentCents);
            return fundings.create(beneficiary.id(), beneficiary.profile().centreId(), funding, requestKey,
                    clock.instant());
        });
        accessLog.record(caller, created.accessed());
        response.onNext(CreateFundingResponse.newBuilder().setFunding(views.toProto(created)).build());
        response.onCompleted();
    }

    @Override
    public void getFunding(GetFundingRequest request, StreamObserver<GetFundingResponse> response) {
        Caller caller = Caller.current();
        Funding funding = fundings.require(request.getId(), "id");
        BeneficiaryAccess.checkRead(caller, beneficiaries.require(funding.beneficiaryId(), "id"));
        accessLog.record(caller, funding.accessed());
        response.onNext(GetFundingResponse.newBuilder().setFunding(views.toProto(funding)).build());
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
        all.forEach(funding -> answer.addFundings(views.toProto(funding)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void cancelFunding(CancelFundingRequest request, StreamObserver<CancelFundingResponse> response) {
        Caller caller = Caller.current();
        Funding funding = fundings.require(request.getId(), "id");
        BeneficiaryAccess.checkCentre(caller, funding.centreId());
        Funding cancelled = fundings.cancel(funding.id(), clock.instant());
        accessLog.record(caller, cancelled.accessed());
        response.onNext(CancelFundingResponse.newBuilder().setFunding(views.toProto(cancelled)).build());
        response.onCompleted();
    }
}
