package fr.bilan.beneficiary.profile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names as they are searched and sorted: without case or accents, so « Élodie » sorts and matches as « elodie ». */
final class SearchKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchKey() {
    }

    static String of(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
