package fr.bilan.beneficiary.agreement;

import java.time.Instant;
import java.time.LocalDate;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.beneficiary.funding.FundingMessages;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** Tripartite agreements between the domain and the contract. */
public final class AgreementMessages {

    private static final String PREFIX = "agreement.";

    private AgreementMessages() {
    }

    /** The mentions a request gives; {@code INVALID_ARGUMENT} for a date that does not exist. */
    public static AgreementMentions toMentions(fr.bilan.proto.beneficiary.v1.Agreement proto) {
        FieldViolations violations = new FieldViolations();
        LocalDate start = ProtoDates.day(proto.getPeriodStartDate(), PREFIX + "period_start_date", violations);
        LocalDate end = ProtoDates.day(proto.getPeriodEndDate(), PREFIX + "period_end_date", violations);
        violations.throwIfAny();
        return new AgreementMentions(proto.getTitle(), proto.getObjective(), proto.getContent(), proto.getMeans(),
                proto.getDurationHours(), start, end, proto.getConductAndFollowUp(), proto.getResultsHandover(),
                proto.getPriceCents(), proto.getPaymentTerms());
    }

    /**
     * The agreement as it stands at {@code now}: one whose 10 days are over reads lapsed; a
     * destroyed one as its stub (only the beneficiary's export shows it).
     */
    public static fr.bilan.proto.beneficiary.v1.Agreement toProto(Agreement stored, Instant now) {
        Agreement agreement = AgreementLifecycle.asOf(stored, now);
        if (agreement.destroyTime() != null) {
            return stub(agreement);
        }
        AgreementMentions mentions = agreement.mentions();
        var proto = fr.bilan.proto.beneficiary.v1.Agreement.newBuilder()
                .setId(agreement.id())
                .setFundingId(agreement.fundingId())
                .setBeneficiaryId(agreement.beneficiaryId())
                .setState(toProto(agreement.state()))
                .setTitle(mentions.title())
                .setObjective(mentions.objective())
                .setContent(mentions.content())
                .setMeans(mentions.means())
                .setDurationHours(mentions.durationHours())
                .setConductAndFollowUp(mentions.conductAndFollowUp())
                .setResultsHandover(mentions.resultsHandover())
                .setPriceCents(mentions.priceCents())
                .setPaymentTerms(mentions.paymentTerms())
                .setEmployer(FundingMessages.toProto(agreement.employer()))
                .setCentreId(agreement.centreId())
                .setCreateTime(ProtoTime.of(agreement.createTime()))
                .setUpdateTime(ProtoTime.of(agreement.updateTime()))
                .setEtag(agreement.etag());
        if (mentions.periodStartDate() != null) {
            proto.setPeriodStartDate(ProtoDates.of(mentions.periodStartDate()));
        }
        if (mentions.periodEndDate() != null) {
            proto.setPeriodEndDate(ProtoDates.of(mentions.periodEndDate()));
        }
        if (agreement.receiveDate() != null) {
            proto.setReceiveDate(ProtoDates.of(agreement.receiveDate()))
                    .setEmployeeDeadlineDate(ProtoDates.of(agreement.employeeDeadlineDate()));
        }
        agreement.signatures().forEach(signature -> proto.addSignatures(AgreementSignature.newBuilder()
                .setParty(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.AgreementParty.class,
                        signature.party()))
                .setMethod(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.EvidenceMethod.class,
                        signature.method()))
                .setEvidenceSha256(signature.evidenceSha256())
                .setRecordedBy(signature.recordedBy())
                .setSignTime(ProtoTime.of(signature.time()))));
        if (agreement.endTime() != null) {
            proto.setEndTime(ProtoTime.of(agreement.endTime()));
        }
        return proto.build();
    }

    /** What a destroyed agreement still says: which it was, whose, where it stood, when. */
    private static fr.bilan.proto.beneficiary.v1.Agreement stub(Agreement agreement) {
        var proto = fr.bilan.proto.beneficiary.v1.Agreement.newBuilder()
                .setId(agreement.id())
                .setFundingId(agreement.fundingId())
                .setBeneficiaryId(agreement.beneficiaryId())
                .setState(toProto(agreement.state()))
                .setCentreId(agreement.centreId())
                .setCreateTime(ProtoTime.of(agreement.createTime()))
                .setUpdateTime(ProtoTime.of(agreement.updateTime()))
                .setDestroyTime(ProtoTime.of(agreement.destroyTime()))
                .setEtag(agreement.etag());
        if (agreement.endTime() != null) {
            proto.setEndTime(ProtoTime.of(agreement.endTime()));
        }
        return proto.build();
    }

    private static fr.bilan.proto.beneficiary.v1.AgreementState toProto(
            fr.bilan.beneficiary.funding.AgreementState state) {
        return ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.AgreementState.class, state);
    }
}
