package fr.bilan.synthesis;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

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
 * a test grants or withdraws.
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
        boolean granted = request.getKind() == ConsentKind.SYNTHESIS_SHARING
                && SHARING_CONSENTS.contains(request.getBeneficiaryId() + "/" + request.getRecipient().getName());
        response.onNext(CheckConsentResponse.newBuilder().setGranted(granted).build());
        response.onCompleted();
    }
}
