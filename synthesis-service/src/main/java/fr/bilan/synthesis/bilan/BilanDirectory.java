package fr.bilan.synthesis.bilan;

import java.util.Optional;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.Recipient;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc.AssessmentServiceBlockingStub;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.support.grpc.Downstream;
import io.grpc.Status;

/**
 * What synthesis-service asks the other services. With the caller's own token: the bilan
 * (session-service answers only its beneficiary, its consultant and its centre's managers), the
 * beneficiary (beneficiary-service answers only those who may read them), a consent. With the
 * service's own token, for a recipient who has no account: whether a sharing consent still holds.
 */
public class BilanDirectory {

    private final AssessmentServiceBlockingStub assessments;
    private final BeneficiaryServiceBlockingStub beneficiaries;
    private final Optional<BeneficiaryServiceBlockingStub> beneficiariesAsService;
    private final Downstream sessions;
    private final Downstream beneficiaryService;

    /** @param beneficiariesAsService carrying the service's token; empty without service credentials */
    public BilanDirectory(AssessmentServiceBlockingStub assessments, BeneficiaryServiceBlockingStub beneficiaries,
            Optional<BeneficiaryServiceBlockingStub> beneficiariesAsService, Downstream sessions,
            Downstream beneficiaryService) {
        this.assessments = assessments;
        this.beneficiaries = beneficiaries;
        this.beneficiariesAsService = beneficiariesAsService;
        this.sessions = sessions;
        this.beneficiaryService = beneficiaryService;
    }

    /** The bilan, if the caller may read it in session-service (its refusals come back as they are). */
    public Bilan bilan(String assessmentId) {
        Assessment assessment = sessions.call(() -> sessions.asCaller(assessments)
                .getAssessment(GetAssessmentRequest.newBuilder().setId(assessmentId).build())).getAssessment();
        return new Bilan(assessment.getId(), assessment.getBeneficiaryId(), assessment.getCentreId(),
                assessment.getConsultantId(), assessment.getState());
    }

    /** The beneficiary, if the caller may read them in beneficiary-service. */
    public Beneficiary beneficiary(String beneficiaryId) {
        return beneficiaryService.call(() -> beneficiaryService.asCaller(beneficiaries)
                .getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(beneficiaryId).build())).getBeneficiary();
    }

    /** Whether the beneficiary's consent to share the synthèse with {@code recipient} holds now, asked as the caller. */
    public boolean sharingConsented(String beneficiaryId, Recipient recipient) {
        return beneficiaryService.call(() -> beneficiaryService.asCaller(beneficiaries)
                .checkConsent(sharingConsent(beneficiaryId, recipient))).getGranted();
    }

    /** The same, asked as the service itself: for a recipient downloading, who has no token. */
    public boolean sharingStillConsented(String beneficiaryId, Recipient recipient) {
        BeneficiaryServiceBlockingStub stub = beneficiariesAsService.orElseThrow(() -> Status.UNAVAILABLE
                .withDescription("Le service ne peut pas vérifier le consentement du bénéficiaire pour l'instant.")
                .asRuntimeException());
        return beneficiaryService.call(() -> beneficiaryService.ready(stub)
                .checkConsent(sharingConsent(beneficiaryId, recipient))).getGranted();
    }

    private static CheckConsentRequest sharingConsent(String beneficiaryId, Recipient recipient) {
        return CheckConsentRequest.newBuilder().setBeneficiaryId(beneficiaryId).setKind(ConsentKind.SYNTHESIS_SHARING)
                .setRecipient(recipient).build();
    }
}
