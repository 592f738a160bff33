package fr.bilan.session.beneficiary;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.beneficiary.v1.AssignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc.FundingServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.support.grpc.Downstream;

/**
 * What session-service asks beneficiary-service, always with the caller's own token: the beneficiary,
 * the funding and whether a consent is in force are read only if the caller may read them there, and
 * a consultant is assigned there only by someone allowed to. Refusals from beneficiary-service come
 * back as they are (their French text included). A call waits, within its deadline, for a
 * beneficiary-service that is restarting or being reached again ({@code waitForReady}), rather than
 * failing at once; one still unreachable at the deadline is {@code UNAVAILABLE}.
 */
public class BeneficiaryDirectory {

    /**
     * A beneficiary as a bilan needs them: where they are followed, who signs as them (the login
     * linked at {@code version} of the beneficiary), who follows them.
     */
    public record BeneficiaryRef(String id, String centreId, String accountId, long version, Set<String> consultantIds) {
    }

    /** A funding as a bilan needs it: whether the bilan may start, and who pays if an employer does. */
    public record FundingRef(String id, String beneficiaryId, boolean confirmed, Optional<String> employerSiret) {
    }

    private final BeneficiaryServiceBlockingStub beneficiaries;
    private final FundingServiceBlockingStub fundings;
    private final Downstream downstream;

    public BeneficiaryDirectory(BeneficiaryServiceBlockingStub beneficiaries, FundingServiceBlockingStub fundings,
            Duration timeout) {
        this.beneficiaries = beneficiaries;
        this.fundings = fundings;
        this.downstream = new Downstream("Le service des bénéficiaires", timeout);
    }

    public BeneficiaryRef beneficiary(String id) {
        var beneficiary = downstream.call(() -> downstream.asCaller(beneficiaries)
                .getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(id).build())).getBeneficiary();
        return new BeneficiaryRef(beneficiary.getId(), beneficiary.getCentreId(), beneficiary.getAccountId(),
                version(beneficiary.getEtag()), Set.copyOf(beneficiary.getConsultantIdsList()));
    }

    /** The beneficiary's etag is their version; one that is not (a stand-in's) counts as the first. */
    private static long version(String etag) {
        try {
            return Long.parseLong(etag);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public FundingRef funding(String id) {
        Funding funding = downstream.call(() -> downstream.asCaller(fundings)
                .getFunding(GetFundingRequest.newBuilder().setId(id).build())).getFunding();
        Optional<String> employer = switch (funding.getDetailsCase()) {
            case EMPLOYER_PLAN -> Optional.of(funding.getEmployerPlan().getEmployer().getSiret());
            case REDEPLOYMENT_LEAVE -> Optional.of(funding.getRedeploymentLeave().getEmployer().getSiret());
            default -> Optional.empty();
        };
        return new FundingRef(funding.getId(), funding.getBeneficiaryId(), funding.getState() == FundingState.CONFIRMED,
                employer);
    }

    /** Whether the beneficiary's consent to take part in the bilan is in force now, as their ledger there says. */
    public boolean participationConsented(String beneficiaryId) {
        return downstream.call(() -> downstream.asCaller(beneficiaries).checkConsent(CheckConsentRequest.newBuilder()
                .setBeneficiaryId(beneficiaryId).setKind(ConsentKind.PARTICIPATION).build())).getGranted();
    }

    /** Assigns the consultant to the beneficiary there (idempotent), as the caller. */
    public void assignConsultant(String beneficiaryId, String consultantId) {
        downstream.call(() -> downstream.asCaller(beneficiaries)
                .assignConsultant(AssignConsultantRequest.newBuilder().setBeneficiaryId(beneficiaryId)
                        .setConsultantId(consultantId).build()));
    }
}
