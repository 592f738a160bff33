package fr.bilan.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.AssignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.AssignConsultantResponse;
import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.CheckConsentResponse;
import fr.bilan.proto.beneficiary.v1.ConsentDecision;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.GetAgreementResponse;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryResponse;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingResponse;
import fr.bilan.support.security.Caller;
import fr.bilan.support.testing.BeneficiaryReaders;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service as session-service sees it, served on session-service's own port behind its
 * real token check: beneficiaries, fundings and agreements a test registers, read (beneficiaries, their
 * agreements, and their consents checked)
 * by whom the real one lets read them ({@link BeneficiaryReaders}, kept equal to it by
 * {@code BeneficiaryReadContract}), every assignment asked, with who asked it, and the consents a
 * test records.
 */
@Component
public class FakeBeneficiaryService extends BeneficiaryServiceGrpc.BeneficiaryServiceImplBase {

    /** One AssignConsultant received: whom, to whom, asked by whom (the forwarded token's subject). */
    public record Assignment(String beneficiaryId, String consultantId, String askedBy) {
    }

    private static final Map<String, Beneficiary> BENEFICIARIES = new ConcurrentHashMap<>();
    private static final Map<String, Funding> FUNDINGS = new ConcurrentHashMap<>();
    private static final Map<String, Agreement> AGREEMENTS = new ConcurrentHashMap<>();
    private static final List<Assignment> ASSIGNMENTS = new CopyOnWriteArrayList<>();
    /** Each beneficiary's ledger, oldest record first. */
    private static final Map<String, List<ConsentRecord>> CONSENTS = new ConcurrentHashMap<>();

    public static void register(Beneficiary beneficiary) {
        BENEFICIARIES.put(beneficiary.getId(), beneficiary);
    }

    /** The beneficiary registered under {@code id}, if any. */
    public static Optional<Beneficiary> registered(String id) {
        return Optional.ofNullable(BENEFICIARIES.get(id));
    }

    public static void register(Funding funding) {
        FUNDINGS.put(funding.getId(), funding);
    }

    public static void register(Agreement agreement) {
        AGREEMENTS.put(agreement.getId(), agreement);
    }

    /** Records a consent of {@code kind} granted or withdrawn by the beneficiary, as the next of their ledger. */
    public static ConsentRecord recordConsent(String beneficiaryId, ConsentKind kind, ConsentDecision decision) {
        List<ConsentRecord> ledger = CONSENTS.computeIfAbsent(beneficiaryId, id -> new CopyOnWriteArrayList<>());
        ConsentRecord record = ConsentRecord.newBuilder().setId(UUID.randomUUID().toString())
                .setBeneficiaryId(beneficiaryId).setKind(kind).setDecision(decision)
                .setMethod(EvidenceMethod.IN_APP).setSequence(ledger.size() + 1L).build();
        ledger.add(record);
        return record;
    }

    public static List<Assignment> assignments() {
        return List.copyOf(ASSIGNMENTS);
    }

    @Override
    public void getBeneficiary(GetBeneficiaryRequest request, StreamObserver<GetBeneficiaryResponse> response) {
        readable(request.getId(), response).ifPresent(beneficiary -> {
            response.onNext(GetBeneficiaryResponse.newBuilder().setBeneficiary(beneficiary).build());
            response.onCompleted();
        });
    }

    /**
     * The beneficiary {@code id} names if the caller may read them there; else empty, {@code response}
     * refused as the real one refuses (unknown, or not theirs to read).
     */
    private static Optional<Beneficiary> readable(String id, StreamObserver<?> response) {
        Beneficiary beneficiary = BENEFICIARIES.get(id);
        if (beneficiary == null) {
            refuseUnknown("Aucun bénéficiaire", id, response);
            return Optional.empty();
        }
        if (!BeneficiaryReaders.mayRead(Caller.current(), beneficiary)) {
            response.onError(Status.PERMISSION_DENIED.withDescription("Ce bénéficiaire n'est pas suivi dans l'un de "
                    + "vos centres.").asRuntimeException());
            return Optional.empty();
        }
        return Optional.of(beneficiary);
    }

    /** Refuses {@code response} with NOT_FOUND: « {@code none} n'a l'identifiant « id ». ». */
    private static void refuseUnknown(String none, String id, StreamObserver<?> response) {
        response.onError(Status.NOT_FOUND.withDescription(none + " n'a l'identifiant « " + id + " ».")
                .asRuntimeException());
    }

    /** As the real one: the latest record of that kind decides; only who reads the beneficiary may ask. */
    @Override
    public void checkConsent(CheckConsentRequest request, StreamObserver<CheckConsentResponse> response) {
        Optional<Beneficiary> readable = readable(request.getBeneficiaryId(), response);
        if (readable.isEmpty()) {
            return;
        }
        Beneficiary beneficiary = readable.get();
        var answer = CheckConsentResponse.newBuilder();
        CONSENTS.getOrDefault(beneficiary.getId(), List.of()).stream()
                .filter(record -> record.getKind() == request.getKind()).reduce((first, second) -> second)
                .ifPresent(deciding -> answer.setGranted(deciding.getDecision() == ConsentDecision.GRANTED)
                        .setDecidingRecord(deciding));
        response.onNext(answer.build());
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
                refuseUnknown("Aucun financement", request.getId(), response);
                return;
            }
            response.onNext(GetFundingResponse.newBuilder().setFunding(funding).build());
            response.onCompleted();
        }
    }

    /** The agreement side: agreements as registered, read by whom the real one lets read their beneficiary. */
    @Component
    public static class Agreements extends AgreementServiceGrpc.AgreementServiceImplBase {

        @Override
        public void getAgreement(GetAgreementRequest request, StreamObserver<GetAgreementResponse> response) {
            Agreement agreement = AGREEMENTS.get(request.getId());
            if (agreement == null) {
                refuseUnknown("Aucune convention", request.getId(), response);
                return;
            }
            readable(agreement.getBeneficiaryId(), response).ifPresent(beneficiary -> {
                response.onNext(GetAgreementResponse.newBuilder().setAgreement(agreement).build());
                response.onCompleted();
            });
        }
    }
}
