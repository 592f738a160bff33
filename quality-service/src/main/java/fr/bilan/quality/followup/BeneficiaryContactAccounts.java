package fr.bilan.quality.followup;

import java.util.Optional;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc.BeneficiaryContactServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The login linked to a beneficiary from beneficiary-service's contact read, asked as the service itself
 * (its own token) when a beneficiary reads their follow-up, under the purpose {@value #PURPOSE} their access
 * register records. Without the service's credentials, or beneficiary-service unreachable: UNAVAILABLE, in
 * French.
 */
class BeneficiaryContactAccounts implements BeneficiaryAccounts {

    static final String PURPOSE = "follow-up";

    private final Optional<BeneficiaryContactServiceBlockingStub> stub;
    private final Optional<ServiceToken> token;
    private final Downstream beneficiaryService;

    BeneficiaryContactAccounts(Optional<BeneficiaryContactServiceBlockingStub> stub, Optional<ServiceToken> token,
            Downstream beneficiaryService) {
        this.stub = stub;
        this.token = token;
        this.beneficiaryService = beneficiaryService;
    }

    @Override
    public Optional<String> accountOf(String beneficiaryId) {
        BeneficiaryContactServiceBlockingStub contacts = stub.orElseThrow(() -> Status.UNAVAILABLE
                .withDescription(beneficiaryService.serviceName() + " ne peut pas être interrogé : réessayez plus tard.")
                .asRuntimeException());
        try {
            String account = beneficiaryService.call(() -> beneficiaryService.ready(contacts).getBeneficiaryContact(
                    GetBeneficiaryContactRequest.newBuilder().setBeneficiaryId(beneficiaryId).setPurpose(PURPOSE)
                            .build())).getAccountId();
            return account.isEmpty() ? Optional.empty() : Optional.of(account);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                // a token beneficiary-service no longer takes: the next call asks for a new one
                token.ifPresent(ServiceToken::invalidate);
            }
            throw e;
        }
    }
}
