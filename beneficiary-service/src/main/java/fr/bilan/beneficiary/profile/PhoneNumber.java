package fr.bilan.beneficiary.profile;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Telephone numbers in E.164 form. French national numbers (ten digits from 0) are accepted as
 * people write them; overseas departments keep their own country codes (0262 → +262, 0590 → +590).
 */
final class PhoneNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/]");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern FRENCH_NATIONAL = Pattern.compile("0[1-9][0-9]{8}");
    /** National prefixes of the overseas departments, by the country code they dial under. */
    private static final Map<String, String> OVERSEAS = Map.ofEntries(
            Map.entry("0262", "+262"), Map.entry("0263", "+262"), Map.entry("0692", "+262"), Map.entry("0693", "+262"),
            Map.entry("0269", "+262"), Map.entry("0639", "+262"),
            Map.entry("0590", "+590"), Map.entry("0690", "+590"), Map.entry("0691", "+590"),
            Map.entry("0594", "+594"), Map.entry("0694", "+594"),
            Map.entry("0596", "+596"), Map.entry("0696", "+596"), Map.entry("0697", "+596"));

    private PhoneNumber() {
    }

    /** The number in E.164 form, or empty when it is not a telephone number. */
    static Optional<String> toE164(String written) {
        String digits = SEPARATORS.matcher(written).replaceAll("");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (FRENCH_NATIONAL.matcher(digits).matches()) {
            String country = OVERSEAS.getOrDefault(digits.substring(0, 4), "+33");
            return Optional.of(country + digits.substring(1));
        }
        if (!INTERNATIONAL.matcher(digits).matches()) {
            return Optional.empty();
        }
        // a French number abroad-style still has exactly nine digits after +33, never a leading 0
        if (digits.startsWith("+33") && !digits.substring(3).matches("[1-9][0-9]{8}")) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }
}
