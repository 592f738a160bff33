package fr.bilan.beneficiary.profile;

import fr.bilan.support.time.ProtoTime;

/** Beneficiaries from the domain to the contract. */
public final class BeneficiaryMessages {

    private BeneficiaryMessages() {
    }

    public static fr.bilan.proto.beneficiary.v1.Beneficiary toProto(Beneficiary beneficiary) {
        BeneficiaryProfile profile = beneficiary.profile();
        return fr.bilan.proto.beneficiary.v1.Beneficiary.newBuilder()
                .setId(beneficiary.id())
                .setCentreId(profile.centreId())
                .setGivenName(profile.givenName())
                .setFamilyName(profile.familyName())
                .setEmail(profile.email())
                .setPhone(profile.phone())
                .setEmploymentStatus(profile.employmentStatus() == null
                        ? fr.bilan.proto.beneficiary.v1.EmploymentStatus.EMPLOYMENT_STATUS_UNSPECIFIED
                        : fr.bilan.proto.beneficiary.v1.EmploymentStatus.valueOf(profile.employmentStatus().name()))
                .setAccountId(profile.accountId())
                .setCreateTime(ProtoTime.of(beneficiary.createTime()))
                .setUpdateTime(ProtoTime.of(beneficiary.updateTime()))
                .setEtag(beneficiary.etag())
                .addAllConsultantIds(beneficiary.consultantIds())
                .build();
    }
}
