package fr.bilan.beneficiary.privacy;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.proto.beneficiary.v1.ErasureItem;
import fr.bilan.proto.beneficiary.v1.ErasureReport;
import fr.bilan.support.time.ProtoTime;

/** The beneficiary's rights over their personal data, from the domain to the contract. */
final class PersonalDataMessages {

    private PersonalDataMessages() {
    }

    /** The report of an erasure, or of what it would do. */
    static ErasureReport toReport(ErasureReceipt receipt) {
        ErasureReport.Builder report = ErasureReport.newBuilder()
                .setBeneficiaryId(receipt.beneficiaryId())
                .setEraseTime(ProtoTime.of(receipt.eraseTime()))
                .setValidateOnly(receipt.validateOnly());
        for (ErasurePlan.Item item : receipt.items()) {
            ErasureItem.Builder answer = report.addItemsBuilder()
                    .setCategory(item.category())
                    .setOutcome(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.ErasureOutcome.class,
                            item.outcome()))
                    .setReason(item.reason());
            item.keepUntil().ifPresent(keepUntil -> answer.setKeepUntil(ProtoTime.of(keepUntil)));
        }
        return report.build();
    }
}
