package fr.bilan.synthesis;

import java.util.Map;
import java.util.Optional;
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
import fr.bilan.support.testing.BeneficiaryReaders;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service as synthesis-service sees it, served on its own port behind the real token
 * check: beneficiaries read (and their consents checked) by whom the real one lets read them
 * ({@link BeneficiaryReaders}, kept equal to it by {@code BeneficiaryReadContract}), and the sharing
 * consents a test grants or withdraws (asked by a caller, or by the service itself through the
 * internal check).
 */
@Component
public class FakeBeneficiaryService extends BeneficiaryServiceGrpc.BeneficiaryServiceImplBase {

    private static final Map<String, Beneficiary> BENEFICIARIES = new ConcurrentHashMap<>();
    private static final Set<String> SHARING_CONSENTS = ConcurrentHashMap.newKeySet();

    public static void register(Beneficiary beneficiary) {
        BENEFICIARIES.put(beneficiary.getId(), beneficiary);
    }

    /** The beneficiary registered under {@code id}, if any. */
    public static Optional<Beneficiary> registered(String id) {
        return Optional.ofNullable(BENEFICIARIES.get(id));
    }

    public static void grantSharing(String beneficiaryId, String recipientName) {
        SHARING_CONSENTS.add(beneficiaryId + "/" + recipientName);
    }

    public static void withdrawSharing(String beneficiaryId, String recipientName) {
        SHARING_CONSENTS.remove(beneficiaryId + "/" + recipientName);
    }

    @Override
    public void getBeneficiary(GetBeneficiaryRequest request, StreamObserver<GetBeneficiaryResponse> response) {
        readable(request.getId(), response).ifPresent(beneficiary -> {
            response.onNext(GetBeneficiaryResponse.newBuilder().setBeneficiary(beneficiary).build());
            response.onCompleted();
        });
    }

    /** As the real one: only who reads the beneficiary may ask. */
    @Override
    public void checkConsent(CheckConsentRequest request, StreamObserver<CheckConsentResponse> response) {
        if (readable(request.getBeneficiaryId(), response).isEmpty()) {
            return;
        }
        response.onNext(CheckConsentResponse.newBuilder().setGranted(sharing(request.getKind(),
                request.getBeneficiaryId(), request.getRecipient().getName())).build());
        response.onCompleted();
    }

    /** The beneficiary, if the caller may read them; otherwise the refusal is sent. */
    private static Optional<Beneficiary> readable(String id, StreamObserver<?> response) {
        Beneficiary beneficiary = BENEFICIARIES.get(id);
        if (beneficiary == null) {
            response.onError(Status.NOT_FOUND.withDescription("Aucun bénéficiaire n'a l'identifiant « " + id + " ».")
                    .asRuntimeException());
            return Optional.empty();
        }
        if (!BeneficiaryReaders.mayRead(Caller.current(), beneficiary)) {
            response.onError(Status.PERMISSION_DENIED.withDescription("Ce bénéficiaire n'est pas suivi dans l'un de "
                    + "vos centres.").asRuntimeException());
            return Optional.empty();
        }
        return Optional.of(beneficiary);
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
