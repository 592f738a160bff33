package fr.bilan.synthesis.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** The last line of a French address: « 69003 Lyon », « 75008 Paris Cedex 08 ». */
    private static final Pattern POSTAL_LINE = Pattern.compile("\\d{5}\\s+(.+?)(?:\\s+cedex(?:\\s*\\d+)?)?",
            Pattern.CASE_INSENSITIVE);

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

    /**
     * The town of the address, where the centre signs (« Fait à Lyon »): its last line without the
     * postal code and the CEDEX mention; that whole line when it has no postal code.
     */
    String city() {
        String[] lines = HtmlPage.clean(address).strip().split("\\s*\\n\\s*");
        String last = lines[lines.length - 1].strip();
        Matcher postal = POSTAL_LINE.matcher(last);
        return postal.matches() ? postal.group(1) : last;
    }

    boolean hasLogo() {
        return logo != null && logo.length > 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
