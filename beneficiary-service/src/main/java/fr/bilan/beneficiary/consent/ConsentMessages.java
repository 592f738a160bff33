package fr.bilan.beneficiary.consent;

import fr.bilan.support.time.ProtoTime;
import fr.bilan.proto.beneficiary.v1.ConsentRecord;

/** Consent records between the domain and the contract. */
public final class ConsentMessages {

    private ConsentMessages() {
    }

    public static NewConsent toNewConsent(ConsentRecord record) {
        return new NewConsent(record.getKind(), record.getDecision(), toRecipient(record), record.getMethod(),
                record.getEvidenceSha256());
    }

    /** The recipient a record or a check names; {@code null} when none. */
    public static Recipient toRecipient(ConsentRecord record) {
        return record.hasRecipient() ? toRecipient(record.getRecipient()) : null;
    }

    public static Recipient toRecipient(fr.bilan.proto.beneficiary.v1.Recipient recipient) {
        return new Recipient(recipient.getKind(), recipient.getName());
    }

    public static ConsentRecord toProto(ConsentEntry entry) {
        ConsentRecord.Builder record = ConsentRecord.newBuilder()
                .setId(entry.id())
                .setBeneficiaryId(entry.beneficiaryId())
                .setKind(entry.kind())
                .setDecision(entry.decision())
                .setMethod(entry.method())
                .setEvidenceSha256(entry.evidenceSha256())
                .setRecordedBy(entry.recordedBy())
                .setRecordTime(ProtoTime.of(entry.recordTime()))
                .setSequence(entry.sequence());
        if (entry.recipient() != null) {
            record.setRecipient(fr.bilan.proto.beneficiary.v1.Recipient.newBuilder()
                    .setKind(entry.recipient().kind()).setName(entry.recipient().name()));
        }
        return record.build();
    }
}
