package fr.bilan.beneficiary.consent;

import fr.bilan.beneficiary.Texts;
import fr.bilan.proto.beneficiary.v1.RecipientKind;

/** Who a synthèse may be shared with; the same recipient is the same kind and the same name, whatever its case. */
public record Recipient(RecipientKind kind, String name) {

    public Recipient {
        name = Texts.strip(name);
    }

    boolean sameAs(Recipient other) {
        return other != null && kind == other.kind && name.equalsIgnoreCase(other.name);
    }
}
