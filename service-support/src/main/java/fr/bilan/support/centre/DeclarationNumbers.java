package fr.bilan.support.centre;

/**
 * A centre's numéro de déclaration d'activité as {@code bilan.centres.*.declaration-number} gives
 * it: 11 digits, spaces allowed. Read by every service that reads a centre's identity (session-service
 * shows it, synthesis-service prints it), so that one setting means one thing everywhere.
 */
public final class DeclarationNumbers {

    private DeclarationNumbers() {
    }

    /**
     * The 11 digits without spaces; empty when none is configured.
     *
     * @throws IllegalArgumentException for anything else: a configuration mistake stops the start
     */
    public static String normalised(String configured) {
        String digits = configured == null ? "" : configured.strip().replace(" ", "");
        if (!digits.isEmpty() && !digits.matches("\\d{11}")) {
            throw new IllegalArgumentException(
                    "bilan.centres: a declaration-number (numéro de déclaration d'activité) has 11 digits, not "
                            + configured);
        }
        return digits;
    }
}
