package fr.bilan.notification.preference;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc.BeneficiaryContactServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactResponse;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Who looks after a beneficiary, from beneficiary-service's contact read (with the service's own token;
 * the read goes to the person's access register under the purpose {@value #PURPOSE}).
 */
class BeneficiaryCareClient implements CareTeams {

    static final String PURPOSE = "notification-preferences";
    private static final String UNAVAILABLE = "Le service des bénéficiaires ne répond pas : réessayez dans un instant.";

    private final BeneficiaryContactServiceBlockingStub contacts;
    private final ServiceToken serviceToken;
    private final Duration deadline;

    /** @param serviceToken {@code null} when the service has no credentials: every read is then UNAVAILABLE */
    BeneficiaryCareClient(BeneficiaryContactServiceBlockingStub contacts, ServiceToken serviceToken, Duration deadline) {
        this.contacts = contacts;
        this.serviceToken = serviceToken;
        this.deadline = deadline;
    }

    @Override
    public Optional<CareTeam> of(String beneficiaryId) {
        if (serviceToken == null) {
            throw Status.UNAVAILABLE.withDescription(UNAVAILABLE).asRuntimeException();
        }
        try {
            GetBeneficiaryContactResponse contact = contacts.withCallCredentials(serviceToken.callCredentials())
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getBeneficiaryContact(GetBeneficiaryContactRequest.newBuilder().setBeneficiaryId(beneficiaryId)
                            .setPurpose(PURPOSE).build());
            return Optional.of(new CareTeam(contact.getCentreId(), contact.getAccountId(), contact.getConsultantIdsList()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw Status.UNAVAILABLE.withDescription(UNAVAILABLE).withCause(e).asRuntimeException();
        }
    }
}
