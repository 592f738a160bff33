package fr.bilan.gateway.transcoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a raw query string ({@code a=1&b=%C3%A9&a=2}), decoded as strict UTF-8
 * ({@link RequestText#percentDecode}): Spring's own decoding puts U+FFFD in place of bytes that
 * are no UTF-8, and an overlong {@code %C0%AE} would pass for a character. A parameter without a
 * name is ignored, as Spring does.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameters by name, in order, each with its values in order; empty for no query. */
    public static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = RequestText.percentDecode(equals < 0 ? pair : pair.substring(0, equals), true);
            if (name.isEmpty()) {
                continue;
            }
            String value = equals < 0 ? "" : RequestText.percentDecode(pair.substring(equals + 1), true);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
