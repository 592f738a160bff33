package fr.bilan.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import fr.bilan.proto.beneficiary.v1.AssignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.AssignConsultantResponse;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryResponse;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingResponse;
import fr.bilan.support.security.Caller;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service as session-service sees it, served on session-service's own port behind its
 * real token check: beneficiaries and fundings a test registers, scoped to the caller's centres as
 * the real one does, and every assignment asked, with who asked it.
 */
@Component
public class FakeBeneficiaryService extends BeneficiaryServiceGrpc.BeneficiaryServiceImplBase {

    /** One AssignConsultant received: whom, to whom, asked by whom (the forwarded token's subject). */
    public record Assignment(String beneficiaryId, String consultantId, String askedBy) {
    }

    private static final Map<String, Beneficiary> BENEFICIARIES = new ConcurrentHashMap<>();
    private static final Map<String, Funding> FUNDINGS = new ConcurrentHashMap<>();
    private static final List<Assignment> ASSIGNMENTS = new CopyOnWriteArrayList<>();

    public static void register(Beneficiary beneficiary) {
        BENEFICIARIES.put(beneficiary.getId(), beneficiary);
    }

    public static void register(Funding funding) {
        FUNDINGS.put(funding.getId(), funding);
    }

    public static List<Assignment> assignments() {
        return List.copyOf(ASSIGNMENTS);
    }

    @Override
    public void getBeneficiary(GetBeneficiaryRequest request, StreamObserver<GetBeneficiaryResponse> response) {
        Beneficiary beneficiary = BENEFICIARIES.get(request.getId());
        if (beneficiary == null) {
            response.onError(Status.NOT_FOUND.withDescription("Aucun bénéficiaire n'a l'identifiant « "
                    + request.getId() + " ».").asRuntimeException());
            return;
        }
        if (!Caller.current().centres().contains(beneficiary.getCentreId())) {
            response.onError(Status.PERMISSION_DENIED.withDescription("Ce bénéficiaire n'est pas suivi dans l'un de "
                    + "vos centres.").asRuntimeException());
            return;
        }
        response.onNext(GetBeneficiaryResponse.newBuilder().setBeneficiary(beneficiary).build());
        response.onCompleted();
    }

    @Override
    public void assignConsultant(AssignConsultantRequest request, StreamObserver<AssignConsultantResponse> response) {
        ASSIGNMENTS.add(new Assignment(request.getBeneficiaryId(), request.getConsultantId(), Caller.current().subject()));
        Beneficiary assigned = BENEFICIARIES.computeIfPresent(request.getBeneficiaryId(),
                (id, beneficiary) -> beneficiary.toBuilder().addConsultantIds(request.getConsultantId()).build());
        response.onNext(AssignConsultantResponse.newBuilder().setBeneficiary(assigned).build());
        response.onCompleted();
    }

    /** The funding side: fundings as registered. */
    @Component
    public static class Fundings extends FundingServiceGrpc.FundingServiceImplBase {

        @Override
        public void getFunding(GetFundingRequest request, StreamObserver<GetFundingResponse> response) {
            Funding funding = FUNDINGS.get(request.getId());
            if (funding == null) {
                response.onError(Status.NOT_FOUND.withDescription("Aucun financement n'a l'identifiant « "
                        + request.getId() + " ».").asRuntimeException());
                return;
            }
            response.onNext(GetFundingResponse.newBuilder().setFunding(funding).build());
            response.onCompleted();
        }
    }
}
