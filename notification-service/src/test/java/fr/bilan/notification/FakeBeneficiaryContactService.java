package fr.bilan.notification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactRequest;
import fr.bilan.proto.beneficiary.internal.v1.GetBeneficiaryContactResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service's contact reads as this service's tests need them, behind the real token check of
 * the test's port: the beneficiaries registered, NOT_FOUND for the others; platform services only, by the contract
 * the port checks.
 */
@Component
public class FakeBeneficiaryContactService extends BeneficiaryContactServiceGrpc.BeneficiaryContactServiceImplBase {

    private static final Map<String, GetBeneficiaryContactResponse> CONTACTS = new ConcurrentHashMap<>();

    public static void register(String beneficiaryId, GetBeneficiaryContactResponse contact) {
        CONTACTS.put(beneficiaryId, contact);
    }

    @Override
    public void getBeneficiaryContact(GetBeneficiaryContactRequest request,
            StreamObserver<GetBeneficiaryContactResponse> response) {
        if (request.getPurpose().isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("purpose manquant").asRuntimeException();
        }
        GetBeneficiaryContactResponse contact = CONTACTS.get(request.getBeneficiaryId());
        if (contact == null) {
            throw Status.NOT_FOUND.withDescription("Bénéficiaire inconnu.").asRuntimeException();
        }
        response.onNext(contact);
        response.onCompleted();
    }
}
