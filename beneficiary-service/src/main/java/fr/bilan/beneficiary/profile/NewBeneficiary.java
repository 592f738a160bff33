package fr.bilan.beneficiary.profile;

import java.util.regex.Pattern;

import fr.bilan.support.errors.FieldViolations;

/**
 * What a caller asks to register, checked field by field before anything is stored. Names keep
 * their spelling (accents, hyphens) but lose surrounding spaces.
 */
public record NewBeneficiary(String centreId, String givenName, String familyName, String email) {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_ID_LENGTH = 64;
    // RFC 5321 limits a path to 256 octets, so an address to 254 characters
    static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public NewBeneficiary {
        centreId = trim(centreId);
        givenName = trim(givenName);
        familyName = trim(familyName);
        email = trim(email);
    }

    /** Throws {@code INVALID_ARGUMENT} naming every offending field, with {@code prefix} before each. */
    public NewBeneficiary validate(String prefix) {
        FieldViolations violations = new FieldViolations()
                .requireText(prefix + "centre_id", centreId, MAX_ID_LENGTH)
                .requireText(prefix + "given_name", givenName, MAX_NAME_LENGTH)
                .requireText(prefix + "family_name", familyName, MAX_NAME_LENGTH)
                .requireText(prefix + "email", email, MAX_EMAIL_LENGTH);
        if (!email.isEmpty() && email.length() <= MAX_EMAIL_LENGTH && !EMAIL.matcher(email).matches()) {
            violations.add(prefix + "email", "Adresse e-mail invalide.");
        }
        violations.throwIfAny();
        return this;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
