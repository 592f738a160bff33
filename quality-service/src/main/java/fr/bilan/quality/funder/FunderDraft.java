package fr.bilan.quality.funder;

import java.util.Objects;
import java.util.regex.Pattern;

import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.register.RegisterFields;

/**
 * A funder as a manager records it: a new one ({@code id} empty) with its kind, name and maybe SIRET and
 * contact, or the one {@code id} names with its contact. Whatever is wrong is refused at once, field by field
 * as the JSON spells it ({@code funder.contact.emailAddress}), in French.
 *
 * @param kind    null when not given
 * @param contact null when not given
 */
public record FunderDraft(String id, FunderKind kind, String name, String siret, FunderContact contact) {

    static final int MAX_NAME = 200;
    /** RFC 5321's longest path. */
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    public FunderDraft {
        id = RegisterFields.stripped(id);
        name = RegisterFields.stripped(name);
        // people write a SIRET in groups: 123 456 789 00012
        siret = RegisterFields.stripped(siret).replace(" ", "");
        contact = contact == null ? null
                : new FunderContact(RegisterFields.stripped(contact.name()), RegisterFields.stripped(contact.emailAddress()));
    }

    public boolean isNew() {
        return id.isEmpty();
    }

    /** Checks what the draft says by itself; refuses it whole. */
    public FunderDraft check() {
        RegisterFields fields = new RegisterFields();
        if (isNew()) {
            fields.require("funder.kind", kind, "Indiquez le type de financeur (employeur, OPCO, région...).")
                    .text("funder.name", name, MAX_NAME, true, false);
            if (!siret.isEmpty() && !SIRET.matcher(siret).matches()) {
                fields.add("funder.siret", "Le numéro SIRET compte 14 chiffres.");
            }
        } else {
            fields.require("funder.contact", contact, "Indiquez la personne à qui envoyer l'enquête annuelle.");
        }
        if (contact != null) {
            fields.text("funder.contact.name", contact.name(), MAX_NAME, true, false);
            String address = contact.emailAddress();
            if (address.isEmpty()) {
                fields.add("funder.contact.emailAddress", "Indiquez l'adresse e-mail à laquelle envoyer l'enquête.");
            } else if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
                fields.add("funder.contact.emailAddress",
                        "Adresse e-mail invalide : elle s'écrit nom@domaine.fr, sans espace.");
            }
        }
        fields.throwIfAny();
        return this;
    }

    /**
     * Checks, for a draft naming {@code recorded}, that the kind, name and SIRET it gives, if any, are the
     * funder's own: a funder named by the bilans is named by their agreements, and a funder added by hand is
     * another one once renamed.
     */
    public void checkNames(Funder recorded) {
        RegisterFields fields = new RegisterFields();
        String unchangeable = "Le type, le nom et le SIRET d'un financeur enregistré ne se modifient pas : "
                + "ajoutez un autre financeur.";
        if (kind != null && kind != recorded.kind()) {
            fields.add("funder.kind", unchangeable);
        }
        if (!name.isEmpty() && !name.equals(recorded.name())) {
            fields.add("funder.name", unchangeable);
        }
        if (!siret.isEmpty() && !siret.equals(recorded.siret())) {
            fields.add("funder.siret", unchangeable);
        }
        fields.throwIfAny();
    }

    /** The new funder it describes, under {@code newId}. */
    Funder asNew(String newId, FunderOrigin origin) {
        Objects.requireNonNull(kind);
        return new Funder(newId, kind, name, siret, origin, contact, 0);
    }
}
