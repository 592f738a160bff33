package fr.bilan.beneficiary.profile;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactResponse;
import io.grpc.stub.StreamObserver;

/**
 * How to reach a beneficiary, for notification-service when it sends a message (internal: the
 * contract admits a platform service's token only, so no further reach is checked here). Read at
 * each message, never copied ahead: a changed address is used at once, an erased beneficiary is
 * reached no more.
 */
@GrpcService
class BeneficiaryContactGrpcService extends BeneficiaryContactServiceGrpc.BeneficiaryContactServiceImplBase {

    private final BeneficiaryContacts contacts;

    BeneficiaryContactGrpcService(BeneficiaryContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void getBeneficiaryContact(GetBeneficiaryContactRequest request,
            StreamObserver<GetBeneficiaryContactResponse> response) {
        Beneficiary beneficiary = contacts.read(request.getBeneficiaryId(), request.getPurpose());
        BeneficiaryProfile profile = beneficiary.profile();
        response.onNext(GetBeneficiaryContactResponse.newBuilder().setCentreId(profile.centreId())
                .setGivenName(profile.givenName()).setFamilyName(profile.familyName()).setEmail(profile.email())
                .setAccountId(profile.accountId()).addAllConsultantIds(beneficiary.consultantIds()).build());
        response.onCompleted();
    }
}
