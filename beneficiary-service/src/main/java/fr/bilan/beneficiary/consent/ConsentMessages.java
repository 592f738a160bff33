package fr.bilan.beneficiary.consent;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;
import fr.bilan.support.time.ProtoTime;

/** Consent records between the domain and the contract. */
public final class ConsentMessages {

    private ConsentMessages() {
    }

    public static NewConsent toNewConsent(ConsentRecord record) {
        return new NewConsent(toKind(record.getKind()), ContractEnums.toDomain(ConsentDecision.class, record.getDecision()),
                toRecipient(record), ContractEnums.toDomain(EvidenceMethod.class, record.getMethod()),
                record.getEvidenceSha256());
    }

    /** The kind a record or a check names; {@code null} when none, or one this service does not know. */
    public static ConsentKind toKind(fr.bilan.proto.beneficiary.v1.ConsentKind kind) {
        return ContractEnums.toDomain(ConsentKind.class, kind);
    }

    /** The recipient a record or a check names; {@code null} when none. */
    public static Recipient toRecipient(ConsentRecord record) {
        return record.hasRecipient() ? toRecipient(record.getRecipient()) : null;
    }

    public static Recipient toRecipient(fr.bilan.proto.beneficiary.v1.Recipient recipient) {
        return new Recipient(ContractEnums.toDomain(RecipientKind.class, recipient.getKind()), recipient.getName());
    }

    public static ConsentRecord toProto(ConsentEntry entry) {
        ConsentRecord.Builder record = ConsentRecord.newBuilder()
                .setId(entry.id())
                .setBeneficiaryId(entry.beneficiaryId())
                .setKind(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.ConsentKind.class, entry.kind()))
                .setDecision(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.ConsentDecision.class,
                        entry.decision()))
                .setMethod(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.EvidenceMethod.class, entry.method()))
                .setEvidenceSha256(entry.evidenceSha256())
                .setRecordedBy(entry.recordedBy())
                .setRecordTime(ProtoTime.of(entry.recordTime()))
                .setSequence(entry.sequence());
        if (entry.recipient() != null) {
            record.setRecipient(fr.bilan.proto.beneficiary.v1.Recipient.newBuilder()
                    .setKind(ContractEnums.toContract(fr.bilan.proto.beneficiary.v1.RecipientKind.class,
                            entry.recipient().kind()))
                    .setName(entry.recipient().name()));
        }
        return record.build();
    }
}
