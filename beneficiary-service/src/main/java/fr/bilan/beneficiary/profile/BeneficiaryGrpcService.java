package fr.bilan.beneficiary.profile;

import java.time.Clock;

import org.springframework.grpc.server.service.GrpcService;

import com.google.protobuf.Timestamp;

import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.CreateBeneficiaryResponse;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryResponse;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.security.Caller;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The gRPC edge of beneficiary profiles: maps messages to the domain and back. */
@GrpcService
class BeneficiaryGrpcService extends BeneficiaryServiceGrpc.BeneficiaryServiceImplBase {

    private static final int MAX_REQUEST_ID_LENGTH = 64;

    private final BeneficiaryRepository repository;
    private final Clock clock;

    BeneficiaryGrpcService(BeneficiaryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void createBeneficiary(CreateBeneficiaryRequest request, StreamObserver<CreateBeneficiaryResponse> response) {
        Caller caller = Caller.current();
        if (request.getRequestId().length() > MAX_REQUEST_ID_LENGTH) {
            new FieldViolations()
                    .add("request_id", "L'identifiant de requête ne doit pas dépasser " + MAX_REQUEST_ID_LENGTH + " caractères.")
                    .throwIfAny();
        }
        var proto = request.getBeneficiary();
        NewBeneficiary draft = new NewBeneficiary(proto.getCentreId(), proto.getGivenName(), proto.getFamilyName(),
                proto.getEmail()).validate("beneficiary.");
        Beneficiary created = repository.create(draft, RequestKey.of(caller.subject(), request.getRequestId()),
                clock.instant());
        AccessLog.record(caller, "beneficiary.create", created.id());
        response.onNext(CreateBeneficiaryResponse.newBuilder().setBeneficiary(toProto(created)).build());
        response.onCompleted();
    }

    @Override
    public void getBeneficiary(GetBeneficiaryRequest request, StreamObserver<GetBeneficiaryResponse> response) {
        Caller caller = Caller.current();
        new FieldViolations().requireText("id", request.getId(), NewBeneficiary.MAX_ID_LENGTH).throwIfAny();
        Beneficiary beneficiary = repository.findById(request.getId())
                .orElseThrow(() -> Status.NOT_FOUND
                        .withDescription("Aucun bénéficiaire n'a l'identifiant « " + request.getId() + " ».")
                        .asRuntimeException());
        AccessLog.record(caller, "beneficiary.read", beneficiary.id());
        response.onNext(GetBeneficiaryResponse.newBuilder().setBeneficiary(toProto(beneficiary)).build());
        response.onCompleted();
    }

    private static fr.bilan.proto.beneficiary.v1.Beneficiary toProto(Beneficiary beneficiary) {
        return fr.bilan.proto.beneficiary.v1.Beneficiary.newBuilder()
                .setId(beneficiary.id())
                .setCentreId(beneficiary.centreId())
                .setGivenName(beneficiary.givenName())
                .setFamilyName(beneficiary.familyName())
                .setEmail(beneficiary.email())
                .setCreateTime(Timestamp.newBuilder()
                        .setSeconds(beneficiary.createTime().getEpochSecond())
                        .setNanos(beneficiary.createTime().getNano()))
                .build();
    }
}
