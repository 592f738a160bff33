package fr.bilan.synthesis.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object keys carry ids only, never names: {@code assessments/{assessmentId}/{kind}/{documentId}},
 * e.g. {@code assessments/5f0c…/synthesis/9a1e…}. An id is a UUID or 32 to 64 hexadecimal digits:
 * no name fits that shape, so a key that would leak one is refused before it reaches the bucket (or a
 * log line).
 */
public final class ObjectKeys {

    /** Where every document of a bilan lives; what the orphan sweep lists. */
    public static final String ROOT = "assessments/";
    public static final String SYNTHESIS = "synthesis";
    private static final String ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,64}";
    private static final Pattern ID_SHAPE = Pattern.compile(ID);
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final Pattern KEY = Pattern.compile(
            Pattern.quote(ROOT) + "(" + ID + ")/(" + KIND.pattern() + ")/(" + ID + ")");

    private ObjectKeys() {
    }

    /** {@code assessments/{assessmentId}/synthesis/{documentId}}. */
    public static String synthesis(String assessmentId, String documentId) {
        return of(assessmentId, SYNTHESIS, documentId);
    }

    /** @param kind what the document is, a lowercase word ({@code synthesis}) */
    public static String of(String assessmentId, String kind, String documentId) {
        requireId(assessmentId, "assessment id");
        requireId(documentId, "document id");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A document kind is a lowercase word, not '" + kind + "'");
        }
        return ROOT + assessmentId + "/" + kind + "/" + documentId;
    }

    /** Whether {@code key} has the shape of an object key made of ids (safe to log). */
    public static boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * {@code key}, checked.
     *
     * @throws IllegalArgumentException when {@code key} is not made of ids (its content is not quoted)
     */
    public static String require(String key) {
        parse(key);
        return key;
    }

    /**
     * The bilan an object key belongs to.
     *
     * @throws IllegalArgumentException when {@code key} is not made of ids (its content is not quoted)
     */
    public static String assessmentOf(String key) {
        return parse(key).group(1);
    }

    /** The document id an object key ends with. */
    public static String documentOf(String key) {
        return parse(key).group(3);
    }

    /** {@code key} when it is made of ids, else a placeholder: what a log line may show. */
    public static String loggable(String key) {
        return isValid(key) ? key : "(a key not made of ids, " + (key == null ? 0 : key.length()) + " characters)";
    }

    private static Matcher parse(String key) {
        Matcher matcher = key == null ? null : KEY.matcher(key);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Not an object key made of ids (assessments/{id}/{kind}/{id}): "
                    + loggable(key));
        }
        return matcher;
    }

    private static void requireId(String id, String what) {
        if (id == null || !ID_SHAPE.matcher(id).matches()) {
            // not quoted: what is not an id may be a name
            throw new IllegalArgumentException("The " + what + " of an object key must be a UUID or 32 to 64 "
                    + "hexadecimal digits");
        }
    }
}
