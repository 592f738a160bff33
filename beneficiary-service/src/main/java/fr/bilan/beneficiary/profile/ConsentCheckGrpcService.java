package fr.bilan.beneficiary.profile;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.consent.ConsentKind;
import fr.bilan.beneficiary.consent.ConsentMessages;
import fr.bilan.beneficiary.consent.ConsentRepository;
import fr.bilan.beneficiary.consent.Recipient;
import fr.bilan.proto.beneficiary.internal.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.internal.v1.CheckConsentResponse;
import fr.bilan.proto.beneficiary.internal.v1.ConsentCheckServiceGrpc;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * Consents asked by a platform service for itself (internal: the contract admits its token only):
 * synthesis-service, before each download of a shared synthèse by a recipient without an account.
 * The answer is a yes or no, no profile; the question is an access to the beneficiary's ledger.
 * Here beside {@link BeneficiaryGrpcService}, which answers the same question to the beneficiary's
 * own callers: both find the beneficiary before reading its ledger, so consents stay below profiles.
 */
@GrpcService
class ConsentCheckGrpcService extends ConsentCheckServiceGrpc.ConsentCheckServiceImplBase {

    private final BeneficiaryLookup beneficiaries;
    private final ConsentRepository consents;
    private final AccessLog accessLog;

    ConsentCheckGrpcService(BeneficiaryLookup beneficiaries, ConsentRepository consents, AccessLog accessLog) {
        this.beneficiaries = beneficiaries;
        this.consents = consents;
        this.accessLog = accessLog;
    }

    @Override
    public void checkConsent(CheckConsentRequest request, StreamObserver<CheckConsentResponse> response) {
        Beneficiary beneficiary = beneficiaries.require(request.getBeneficiaryId(), "beneficiary_id");
        ConsentKind kind = ConsentMessages.toKind(request.getKind());
        if (kind == null) {
            throw FieldViolations.of("kind", "Indiquez l'objet du consentement.");
        }
        Recipient recipient = request.hasRecipient() ? ConsentMessages.toRecipient(request.getRecipient()) : null;
        boolean granted = consents.ledgerOf(beneficiary.id()).inForce(kind, recipient);
        accessLog.record(Caller.current(), beneficiary.accessed("consentRecords"));
        response.onNext(CheckConsentResponse.newBuilder().setGranted(granted).build());
        response.onCompleted();
    }
}
