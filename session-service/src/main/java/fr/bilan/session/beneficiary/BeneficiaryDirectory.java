package fr.bilan.session.beneficiary;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc.AgreementServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.AssignConsultantRequest;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.Funding;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc.FundingServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.FundingState;
import fr.bilan.proto.beneficiary.v1.GetAgreementRequest;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.beneficiary.v1.GetFundingRequest;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.time.ProtoTime;

/**
 * What session-service asks beneficiary-service, always with the caller's own token: the beneficiary,
 * the funding, its agreement and whether a consent is in force are read only if the caller may read them
 * there, and a consultant is assigned there only by someone allowed to. Refusals from beneficiary-service come
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

    /**
     * A funding as a bilan needs it: whether the bilan may start, and who pays.
     *
     * @param kind          the type of its details: CPF, EMPLOYER_PLAN, REDEPLOYMENT_LEAVE, JOB_SEEKER,
     *                      PUBLIC_SECTOR or SELF_FUNDED
     * @param employerSiret the employer paying (employer plan, redeployment leave); empty otherwise
     * @param payerName     the employer's name (employer plan, redeployment leave) or the administration's
     *                      (public sector); empty otherwise
     * @param approver      who approved a job seeker's funding: FRANCE_TRAVAIL, APEC or CAP_EMPLOI; empty
     *                      otherwise
     * @param agreementId   its tripartite agreement, once drafted; empty otherwise
     */
    public record FundingRef(String id, String beneficiaryId, boolean confirmed, String kind,
            Optional<String> employerSiret, String payerName, String approver, String agreementId) {
    }

    private final BeneficiaryServiceBlockingStub beneficiaries;
    private final FundingServiceBlockingStub fundings;
    private final AgreementServiceBlockingStub agreements;
    private final Downstream downstream;

    public BeneficiaryDirectory(BeneficiaryServiceBlockingStub beneficiaries, FundingServiceBlockingStub fundings,
            AgreementServiceBlockingStub agreements, Duration timeout) {
        this.beneficiaries = beneficiaries;
        this.fundings = fundings;
        this.agreements = agreements;
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
        Optional<Employer> employer = switch (funding.getDetailsCase()) {
            case EMPLOYER_PLAN -> Optional.of(funding.getEmployerPlan().getEmployer());
            case REDEPLOYMENT_LEAVE -> Optional.of(funding.getRedeploymentLeave().getEmployer());
            default -> Optional.empty();
        };
        String payer = funding.hasPublicSector() ? funding.getPublicSector().getAdministrationName()
                : employer.map(Employer::getName).orElse("");
        String approver = funding.hasJobSeeker() ? funding.getJobSeeker().getApprover().name() : "";
        return new FundingRef(funding.getId(), funding.getBeneficiaryId(), funding.getState() == FundingState.CONFIRMED,
                funding.getDetailsCase().name(), employer.map(Employer::getSiret), payer, approver,
                funding.getAgreementId());
    }

    /**
     * When the agreement {@code id} came into force: its last signature's time; empty while it is not in
     * force (being signed, refused, lapsed).
     */
    public Optional<Instant> agreementInForceSince(String id) {
        Agreement agreement = downstream.call(() -> downstream.asCaller(agreements)
                .getAgreement(GetAgreementRequest.newBuilder().setId(id).build())).getAgreement();
        if (agreement.getState() != AgreementState.IN_FORCE) {
            return Optional.empty();
        }
        return agreement.getSignaturesList().stream().map(signature -> ProtoTime.toInstant(signature.getSignTime()))
                .max(Comparator.naturalOrder());
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
