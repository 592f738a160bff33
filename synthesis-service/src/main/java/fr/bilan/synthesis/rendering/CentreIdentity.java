package fr.bilan.synthesis.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * What a legal document prints of the centre that delivers the bilan: its name, postal address,
 * numéro de déclaration d'activité (the provider's registration, 11 digits) and, optionally, a logo.
 *
 * @param address may span several lines
 * @param logo PNG or JPEG bytes; {@code null} for none
 */
public record CentreIdentity(String name, String address, String declarationNumber, byte[] logo) {

    /** Nothing configured: every document for this centre is refused. */
    public static final CentreIdentity NONE = new CentreIdentity(null, null, null, null);

    /** The identity, when name, address and declaration number are all there. */
    CentreIdentity requireComplete(String centreId) {
        List<String> missing = new ArrayList<>(3);
        if (blank(name)) {
            missing.add("le nom du centre");
        }
        if (blank(address)) {
            missing.add("son adresse");
        }
        if (blank(declarationNumber)) {
            missing.add("son numéro de déclaration d'activité");
        }
        if (!missing.isEmpty()) {
            throw new CentreIdentityMissing(centreId, missing);
        }
        return this;
    }

    boolean hasLogo() {
        return logo != null && logo.length > 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
