package fr.bilan.session.calendar;

import java.util.Arrays;
import java.util.List;

import fr.bilan.support.centre.DeclarationNumbers;

/**
 * What a centre's legal documents (the synthèse, the tripartite agreement) print of the provider,
 * read from the settings synthesis-service prints them from: its name, postal address, numéro de
 * déclaration d'activité and whether a logo is configured. Empty where nothing is configured.
 *
 * @param addressLines      one line each, the town last
 * @param declarationNumber 11 digits, without spaces
 */
public record CentreIdentity(String name, List<String> addressLines, String declarationNumber,
        boolean logoConfigured) {

    /** Nothing configured. */
    public static final CentreIdentity NONE = new CentreIdentity("", List.of(), "", false);

    public CentreIdentity {
        addressLines = List.copyOf(addressLines);
    }

    /**
     * The identity as configured, blank settings meaning none. A declaration number is the one
     * synthesis-service prints, so it is refused here as there (spaces allowed, 11 digits): a
     * malformed one stops the start of both. The logo is only said configured: synthesis-service
     * alone reads the image, which may be on its file system only.
     */
    static CentreIdentity configured(String name, String address, String declarationNumber, String logo) {
        return new CentreIdentity(text(name), addressLines(address), DeclarationNumbers.normalised(declarationNumber),
                !text(logo).isEmpty());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> addressLines(String address) {
        return Arrays.stream(text(address).split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

}
