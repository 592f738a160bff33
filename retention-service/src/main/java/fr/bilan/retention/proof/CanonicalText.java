package fr.bilan.retention.proof;

import java.nio.charset.StandardCharsets;

/**
 * The one text form the chain hashes: each value, in a fixed order, written as its length in UTF-8
 * bytes in decimal, {@code ':'}, the value itself and {@code '\n'}. Lengths keep {@code ("a:b", "c")}
 * and {@code ("a", "b:c")} apart, whatever the values hold; an auditor can rebuild it in any language.
 */
final class CanonicalText {

    private CanonicalText() {
    }

    static String of(String... values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
        return text.toString();
    }
}
