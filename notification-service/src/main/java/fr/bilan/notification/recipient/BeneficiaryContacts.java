package fr.bilan.notification.recipient;

import java.util.Optional;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc.BeneficiaryContactServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactResponse;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * beneficiary-service's {@code BeneficiaryContactService}, asked as the service itself (its own token:
 * no person is behind a message being sent), each time a message goes: an address is never copied
 * ahead, so a changed one is used at once and an erased beneficiary is reached no more.
 */
public class BeneficiaryContacts {

    private static final String SERVICE = "beneficiary-service's BeneficiaryContactService";

    private final Optional<BeneficiaryContactServiceBlockingStub> stub;
    private final Optional<ServiceToken> token;
    private final Downstream beneficiaryService;

    /**
     * @param stub  carrying the service's token; empty without service credentials, when every
     *              look-up is unavailable
     */
    public BeneficiaryContacts(Optional<BeneficiaryContactServiceBlockingStub> stub, Optional<ServiceToken> token,
            Downstream beneficiaryService) {
        this.stub = stub;
        this.token = token;
        this.beneficiaryService = beneficiaryService;
    }

    /**
     * The beneficiary's contact, empty when beneficiary-service knows no such beneficiary (unknown, or
     * their personal data erased).
     *
     * @param purpose why it is read, as their access register records it: the kind of message
     * @throws ContactsUnavailable when beneficiary-service cannot answer now, or refuses the service
     */
    public Optional<BeneficiaryContact> find(String beneficiaryId, String purpose) {
        BeneficiaryContactServiceBlockingStub contacts = stub.orElseThrow(() -> new ContactsUnavailable(SERVICE,
                "no service credentials (bilan.oidc.client-secret) to ask " + SERVICE, null));
        GetBeneficiaryContactResponse found;
        try {
            found = beneficiaryService.ready(contacts).getBeneficiaryContact(GetBeneficiaryContactRequest.newBuilder()
                    .setBeneficiaryId(beneficiaryId).setPurpose(purpose).build());
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            if (code == Status.Code.UNAUTHENTICATED) {
                // a token the service no longer takes: the next call asks for a new one
                token.ifPresent(ServiceToken::invalidate);
            }
            throw new ContactsUnavailable(SERVICE, SERVICE + " answered " + code + " " + e.getStatus().getDescription(), e);
        }
        return Optional.of(new BeneficiaryContact(beneficiaryId, found.getCentreId(), found.getGivenName(),
                found.getFamilyName(), found.getEmail(), found.getAccountId(), found.getConsultantIdsList()));
    }
}
