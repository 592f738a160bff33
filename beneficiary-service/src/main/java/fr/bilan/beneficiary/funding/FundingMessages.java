package fr.bilan.beneficiary.funding;

import java.time.LocalDate;
import java.util.Optional;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.proto.beneficiary.v1.CpfFunding;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.EmployerPlanFunding;
import fr.bilan.proto.beneficiary.v1.JobSeekerFunding;
import fr.bilan.proto.beneficiary.v1.PublicSectorFunding;
import fr.bilan.proto.beneficiary.v1.RedeploymentLeaveFunding;
import fr.bilan.proto.beneficiary.v1.SelfFunding;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** Fundings between the domain and the contract. */
public final class FundingMessages {

    private FundingMessages() {
    }

    /** The funding a request asks for; {@code INVALID_ARGUMENT} for a date that does not exist. */
    public static NewFunding toNewFunding(fr.bilan.proto.beneficiary.v1.Funding proto) {
        FieldViolations violations = new FieldViolations();
        FundingDetails details;
        switch (proto.getDetailsCase()) {
            case CPF:
                CpfFunding cpf = proto.getCpf();
                LocalDate previousEnd = ProtoDates.day(cpf.getPreviousPublicBilanEndDate(),
                        "funding.cpf.previous_public_bilan_end_date", violations);
                details = new FundingDetails.Cpf(cpf.getDossierNumber(), cpf.getAmountCents(),
                        toExemption(cpf.getCoPaymentExemption()), 0, previousEnd, cpf.getDuringWorkingTime(),
                        cpf.getEmployerLeaveReference(), toTopUpFunder(cpf.getTopUpFunder()));
                break;
            case EMPLOYER_PLAN:
                details = new FundingDetails.EmployerPlan(toEmployer(proto.getEmployerPlan().getEmployer()));
                break;
            case REDEPLOYMENT_LEAVE:
                RedeploymentLeaveFunding leave = proto.getRedeploymentLeave();
                details = new FundingDetails.RedeploymentLeave(toEmployer(leave.getEmployer()), ProtoDates.day(
                        leave.getLeaveStartDate(), "funding.redeployment_leave.leave_start_date", violations));
                break;
            case JOB_SEEKER:
                details = new FundingDetails.JobSeeker(
                        ContractEnums.toDomain(JobSeekerApprover.class, proto.getJobSeeker().getApprover()),
                        proto.getJobSeeker().getApprovalReference());
                break;
            case PUBLIC_SECTOR:
                details = new FundingDetails.PublicSector(proto.getPublicSector().getAdministrationName(),
                        proto.getPublicSector().getAgreementReference());
                break;
            case SELF_FUNDED:
                details = new FundingDetails.SelfFunded();
                break;
            default:
                details = null;
        }
        violations.throwIfAny();
        return new NewFunding(proto.getPriceCents(), details);
    }

    /** None declared is {@link CoPaymentExemption#NONE}; one this service does not know, {@code null}. */
    private static CoPaymentExemption toExemption(fr.bilan.proto.beneficiary.v1.CoPaymentExemption exemption) {
        return exemption == fr.bilan.proto.beneficiary.v1.CoPaymentExemption.CO_PAYMENT_EXEMPTION_UNSPECIFIED
                ? CoPaymentExemption.NONE : ContractEnums.toDomain(CoPaymentExemption.class, exemption);
    }

    private static fr.bilan.proto.beneficiary.v1.CoPaymentExemption toProto(CoPaymentExemption exemption) {
        return exemption == CoPaymentExemption.NONE
                ? fr.bilan.proto.beneficiary.v1.CoPaymentExemption.CO_PAYMENT_EXEMPTION_UNSPECIFIED
                : ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.CoPaymentExemption.class, exemption);
    }

    /** None named is {@link TopUpFunder#NONE}; one this service does not know, {@code null}. */
    static TopUpFunder toTopUpFunder(fr.bilan.proto.beneficiary.v1.TopUpFunder funder) {
        return funder == fr.bilan.proto.beneficiary.v1.TopUpFunder.TOP_UP_FUNDER_UNSPECIFIED
                ? TopUpFunder.NONE : ContractEnums.toDomain(TopUpFunder.class, funder);
    }

    static fr.bilan.proto.beneficiary.v1.TopUpFunder toProto(TopUpFunder funder) {
        return funder == TopUpFunder.NONE ? fr.bilan.proto.beneficiary.v1.TopUpFunder.TOP_UP_FUNDER_UNSPECIFIED
                : ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.TopUpFunder.class, funder);
    }

    public static EmployerParty toEmployer(Employer employer) {
        return new EmployerParty(employer.getName(), employer.getSiret(), employer.getSignatoryName());
    }

    public static Employer toProto(EmployerParty employer) {
        return Employer.newBuilder().setName(employer.name()).setSiret(employer.siret())
                .setSignatoryName(employer.signatoryName()).build();
    }

    /** The funding as the contract shows it, with what {@link FundingViews} derived when reading it. */
    public static fr.bilan.proto.beneficiary.v1.Funding toProto(FundingView view) {
        Funding funding = view.funding();
        Optional<String> agreementId = view.agreementId();
        boolean hrMayReceiveSynthesis = view.hrMayReceiveSynthesis();
        var proto = fr.bilan.proto.beneficiary.v1.Funding.newBuilder()
                .setId(funding.id())
                .setBeneficiaryId(funding.beneficiaryId())
                .setType(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.FundingType.class, funding.type()))
                .setState(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.FundingState.class, view.state()))
                .setPriceCents(funding.priceCents())
                .setCreateTime(ProtoTime.of(funding.createTime()));
        agreementId.ifPresent(proto::setAgreementId);
        if (funding.cancelTime() != null) {
            proto.setCancelTime(ProtoTime.of(funding.cancelTime()));
        }
        FundingDetails details = funding.details();
        if (details instanceof FundingDetails.Cpf cpf) {
            CpfFunding.Builder cpfProto = CpfFunding.newBuilder()
                    .setDossierNumber(cpf.dossierNumber())
                    .setAmountCents(cpf.amountCents())
                    .setCoPaymentExemption(toProto(cpf.exemption()))
                    .setCoPaymentCents(cpf.coPaymentCents())
                    .setCoPaymentReason(cpf.coPaymentReason())
                    .setDuringWorkingTime(cpf.duringWorkingTime())
                    .setEmployerLeaveReference(cpf.employerLeaveReference())
                    .setTopUpFunder(toProto(cpf.topUpFunder()))
                    .setTopUpCents(cpf.topUpCents(funding.priceCents()))
                    .setTopUpReason(cpf.topUpReason(funding.priceCents()));
            if (cpf.previousPublicBilanEndDate() != null) {
                cpfProto.setPreviousPublicBilanEndDate(ProtoDates.of(cpf.previousPublicBilanEndDate()));
            }
            proto.setCpf(cpfProto);
        } else if (details instanceof FundingDetails.EmployerPlan plan) {
            proto.setEmployerPlan(EmployerPlanFunding.newBuilder().setEmployer(toProto(plan.employerParty())));
        } else if (details instanceof FundingDetails.RedeploymentLeave leave) {
            proto.setRedeploymentLeave(RedeploymentLeaveFunding.newBuilder().setEmployer(toProto(leave.employerParty()))
                    .setLeaveStartDate(ProtoDates.of(leave.leaveStartDate())));
        } else if (details instanceof FundingDetails.JobSeeker jobSeeker) {
            proto.setJobSeeker(JobSeekerFunding.newBuilder()
                    .setApprover(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.JobSeekerApprover.class,
                            jobSeeker.approver()))
                    .setApprovalReference(jobSeeker.approvalReference()));
        } else if (details instanceof FundingDetails.PublicSector publicSector) {
            proto.setPublicSector(PublicSectorFunding.newBuilder()
                    .setAdministrationName(publicSector.administrationName())
                    .setAgreementReference(publicSector.agreementReference())
                    .setHrMayReceiveSynthesis(hrMayReceiveSynthesis));
        } else {
            proto.setSelfFunded(SelfFunding.getDefaultInstance());
        }
        return proto.build();
    }
}
