package fr.bilan.synthesis.bilan;

import fr.bilan.proto.beneficiary.v1.RecipientKind;

/** Recipients as the contract writes them, both ways. */
public final class RecipientMessages {

    private RecipientMessages() {
    }

    public static fr.bilan.proto.beneficiary.v1.Recipient toProto(Recipient recipient) {
        return fr.bilan.proto.beneficiary.v1.Recipient.newBuilder()
                .setKind(RecipientKind.valueOf(recipient.kind().name())).setName(recipient.name()).build();
    }

    /** The recipient a request names; its kind {@code null} when it names none the contract knows. */
    public static Recipient fromProto(fr.bilan.proto.beneficiary.v1.Recipient recipient) {
        Recipient.Kind kind = switch (recipient.getKind()) {
            case CEP_ADVISOR -> Recipient.Kind.CEP_ADVISOR;
            case EMPLOYER -> Recipient.Kind.EMPLOYER;
            case OTHER_RECIPIENT -> Recipient.Kind.OTHER_RECIPIENT;
            default -> null;
        };
        return new Recipient(kind, recipient.getName());
    }
}
