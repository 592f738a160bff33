package fr.bilan.beneficiary.consent;

import fr.bilan.beneficiary.Texts;

/**
 * Who a synthèse may be shared with; the same recipient is the same kind and the same name, whatever
 * its case.
 *
 * @param kind {@code null} when the request named none (refused)
 */
public record Recipient(RecipientKind kind, String name) {

    public Recipient {
        name = Texts.strip(name);
    }

    boolean sameAs(Recipient other) {
        return other != null && kind == other.kind && name.equalsIgnoreCase(other.name);
    }
}
