package fr.bilan.session.accountlink;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.session.internal.v1.AccountLinkServiceGrpc;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkRequest;
import fr.bilan.proto.session.internal.v1.RecordAccountLinkResponse;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.stub.StreamObserver;

/**
 * Takes in beneficiary-service's changes of the login linked to a beneficiary (internal: its own
 * token only), so that the beneficiary reaches their bilans, sessions and calendar through the
 * login linked now: every bilan of theirs follows the newest link.
 */
@GrpcService
class AccountLinkGrpcService extends AccountLinkServiceGrpc.AccountLinkServiceImplBase {

    private final AssessmentRepository assessments;

    AccountLinkGrpcService(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @Override
    public void recordAccountLink(RecordAccountLinkRequest request, StreamObserver<RecordAccountLinkResponse> response) {
        FieldViolations violations = new FieldViolations()
                .requireText("beneficiary_id", request.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        if (request.getAccountId().length() > Lookups.MAX_ID_LENGTH) {
            violations.add("account_id", "Ce champ ne doit pas dépasser " + Lookups.MAX_ID_LENGTH + " caractères.");
        }
        if (request.getBeneficiaryVersion() < 1) {
            violations.add("beneficiary_version", "Indiquez la version du bénéficiaire, à partir de 1.");
        }
        violations.throwIfAny();
        boolean applied = assessments.followLink(request.getBeneficiaryId(), request.getAccountId(),
                request.getBeneficiaryVersion());
        response.onNext(RecordAccountLinkResponse.newBuilder().setApplied(applied).build());
        response.onCompleted();
    }
}
