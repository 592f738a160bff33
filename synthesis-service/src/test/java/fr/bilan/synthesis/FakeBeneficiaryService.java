package fr.bilan.synthesis;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import fr.bilan.proto.beneficiary.internal.v1.ConsentCheckServiceGrpc;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.CheckConsentResponse;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryResponse;
import fr.bilan.support.security.Caller;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service as synthesis-service sees it, served on its own port behind the real token
 * check: beneficiaries readable by their own login and in their centre, and the sharing consents
 * a test grants or withdraws (asked by a caller, or by the service itself through the internal check).
 */
@Component
public class FakeBeneficiaryService extends BeneficiaryServiceGrpc.BeneficiaryServiceImplBase {

    private static final Map<String, Beneficiary> BENEFICIARIES = new ConcurrentHashMap<>();
    private static final Set<String> SHARING_CONSENTS = ConcurrentHashMap.newKeySet();

    public static void register(Beneficiary beneficiary) {
        BENEFICIARIES.put(beneficiary.getId(), beneficiary);
    }

    public static void grantSharing(String beneficiaryId, String recipientName) {
        SHARING_CONSENTS.add(beneficiaryId + "/" + recipientName);
    }

    public static void withdrawSharing(String beneficiaryId, String recipientName) {
        SHARING_CONSENTS.remove(beneficiaryId + "/" + recipientName);
    }

    @Override
    public void getBeneficiary(GetBeneficiaryRequest request, StreamObserver<GetBeneficiaryResponse> response) {
        Beneficiary beneficiary = BENEFICIARIES.get(request.getId());
        Caller caller = Caller.current();
        if (beneficiary == null || !caller.subject().equals(beneficiary.getAccountId())
                && !caller.centres().contains(beneficiary.getCentreId())) {
            response.onError(Status.NOT_FOUND.withDescription("Aucun bénéficiaire de vos centres n'a cet identifiant.")
                    .asRuntimeException());
            return;
        }
        response.onNext(GetBeneficiaryResponse.newBuilder().setBeneficiary(beneficiary).build());
        response.onCompleted();
    }

    @Override
    public void checkConsent(CheckConsentRequest request, StreamObserver<CheckConsentResponse> response) {
        response.onNext(CheckConsentResponse.newBuilder().setGranted(sharing(request.getKind(),
                request.getBeneficiaryId(), request.getRecipient().getName())).build());
        response.onCompleted();
    }

    private static boolean sharing(ConsentKind kind, String beneficiaryId, String recipientName) {
        return kind == ConsentKind.SYNTHESIS_SHARING && SHARING_CONSENTS.contains(beneficiaryId + "/" + recipientName);
    }

    /** The internal consent check a platform service asks for itself (a share's download), answering alike. */
    @Component
    public static class ConsentChecks extends ConsentCheckServiceGrpc.ConsentCheckServiceImplBase {

        @Override
        public void checkConsent(fr.bilan.proto.beneficiary.internal.v1.CheckConsentRequest request,
                StreamObserver<fr.bilan.proto.beneficiary.internal.v1.CheckConsentResponse> response) {
            response.onNext(fr.bilan.proto.beneficiary.internal.v1.CheckConsentResponse.newBuilder().setGranted(
                    sharing(request.getKind(), request.getBeneficiaryId(), request.getRecipient().getName())).build());
            response.onCompleted();
        }
    }
}
