package fr.bilan.beneficiary.profile;

import java.util.regex.Pattern;

import fr.bilan.beneficiary.Texts;
import fr.bilan.beneficiary.Violations;
import fr.bilan.support.resources.Lookups;

/**
 * What is held about a beneficiary, and nothing else (data with a direct and necessary link to the
 * bilan, L6313-4), checked field by field before anything is stored. Names keep their spelling
 * (accents, hyphens) but lose surrounding spaces; a valid phone number is kept in E.164 form.
 *
 * @param employmentStatus {@code null} when not given
 * @param phone            empty when not given
 * @param accountId        the beneficiary's own login (identity provider subject), empty when none
 */
public record BeneficiaryProfile(String centreId, String givenName, String familyName, String email, String phone,
        EmploymentStatus employmentStatus, String accountId) {

    static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_ID_LENGTH = Lookups.MAX_ID_LENGTH;
    // RFC 5321 limits a path to 256 octets, so an address to 254 characters
    static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_PHONE_LENGTH = 32;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public BeneficiaryProfile {
        centreId = Texts.strip(centreId);
        givenName = Texts.strip(givenName);
        familyName = Texts.strip(familyName);
        email = Texts.strip(email);
        phone = Texts.strip(phone);
        phone = PhoneNumber.toE164(phone).orElse(phone);
        accountId = Texts.strip(accountId);
    }

    /** Throws {@code InvalidFields} naming every offending field, with {@code prefix} before each. */
    public BeneficiaryProfile validate(String prefix) {
        Violations violations = new Violations()
                .requireText(prefix + "centre_id", centreId, MAX_ID_LENGTH)
                .requireText(prefix + "given_name", givenName, MAX_NAME_LENGTH)
                .requireText(prefix + "family_name", familyName, MAX_NAME_LENGTH)
                .requireText(prefix + "email", email, MAX_EMAIL_LENGTH);
        if (!email.isEmpty() && email.length() <= MAX_EMAIL_LENGTH && !EMAIL.matcher(email).matches()) {
            violations.add(prefix + "email", "Adresse e-mail invalide.");
        }
        if (!phone.isEmpty() && (phone.length() > MAX_PHONE_LENGTH || PhoneNumber.toE164(phone).isEmpty())) {
            violations.add(prefix + "phone", "Numéro de téléphone invalide : indiquez un numéro français "
                    + "(06 12 34 56 78) ou international (+32 2 123 45 67).");
        }
        if (employmentStatus == null) {
            violations.add(prefix + "employment_status", "Indiquez la situation professionnelle.");
        }
        if (accountId.length() > MAX_ID_LENGTH) {
            violations.add(prefix + "account_id", "Ce champ ne doit pas dépasser " + MAX_ID_LENGTH + " caractères.");
        }
        violations.throwIfAny();
        return this;
    }

    /**
     * The key under which an address may be used once per centre: addresses differ by more than
     * case. It names the centre too (an address holds no line break, so two centres' keys never meet).
     */
    String emailKey() {
        return emailKey(centreId, email);
    }

    /** The key under which a login may be linked once per centre. */
    String accountKey() {
        return centreId + "\n" + accountId;
    }

    static String emailKey(String centreId, String email) {
        return centreId + "\n" + email.toLowerCase(java.util.Locale.ROOT);
    }
}
