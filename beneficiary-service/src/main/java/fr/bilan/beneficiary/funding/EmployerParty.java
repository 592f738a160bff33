package fr.bilan.beneficiary.funding;

import fr.bilan.beneficiary.Texts;
import fr.bilan.beneficiary.Violations;

/**
 * The employer that pays for a bilan and signs its tripartite agreement. The SIRET is kept as its
 * 14 digits, without the spaces people write it with.
 */
public record EmployerParty(String name, String siret, String signatoryName) {

    static final int MAX_NAME_LENGTH = 200;
    private static final String LA_POSTE_SIREN = "356000000";

    public EmployerParty {
        name = Texts.strip(name);
        siret = Texts.withoutSpaces(siret);
        signatoryName = Texts.strip(signatoryName);
    }

    void check(String prefix, Violations violations) {
        violations.requireText(prefix + "name", name, MAX_NAME_LENGTH)
                .requireText(prefix + "signatory_name", signatoryName, MAX_NAME_LENGTH);
        if (!isSiret(siret)) {
            violations.add(prefix + "siret", "Numéro SIRET invalide : 14 chiffres dont le dernier est une clé de "
                    + "contrôle (vérifiez-le sur l'avis de situation Insee ou un bulletin de paie).");
        }
    }

    /**
     * 14 digits passing the Luhn check; La Poste's establishments, which share one SIREN, are
     * checked by INSEE's own rule instead (the sum of the digits is a multiple of 5).
     */
    static boolean isSiret(String value) {
        if (!value.matches("\\d{14}")) {
            return false;
        }
        int luhn = 0;
        int digits = 0;
        for (int i = 0; i < 14; i++) {
            int digit = value.charAt(13 - i) - '0';
            digits += digit;
            int weighted = i % 2 == 1 ? digit * 2 : digit;
            luhn += weighted > 9 ? weighted - 9 : weighted;
        }
        return luhn % 10 == 0 || value.startsWith(LA_POSTE_SIREN) && digits % 5 == 0;
    }
}
