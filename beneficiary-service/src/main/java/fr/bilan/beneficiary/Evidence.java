package fr.bilan.beneficiary;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a consent, a signature or a refusal was given. A written one (signed form, e-signature) is
 * proved by the SHA-256 of its document, kept instead of the document.
 */
public final class Evidence {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<EvidenceMethod> WRITTEN = EnumSet.of(EvidenceMethod.SIGNED_FORM,
            EvidenceMethod.E_SIGNATURE);

    private Evidence() {
    }

    /** The SHA-256 as stored: hexadecimal in lower case; empty when none was given. */
    public static String normalized(String sha256) {
        return Texts.strip(sha256).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code method} is a written one; {@code null} (none given) is not. */
    public static boolean isWritten(EvidenceMethod method) {
        return WRITTEN.contains(method);
    }

    /** Adds a violation on {@code field} when a written method comes without the SHA-256 of its document. */
    public static void checkFingerprint(String field, EvidenceMethod method, String sha256, Violations violations) {
        if (isWritten(method) && !SHA256.matcher(sha256).matches()) {
            violations.add(field, "Donnez l'empreinte SHA-256 (64 caractères hexadécimaux) du formulaire signé ou de "
                    + "la signature électronique.");
        }
    }
}
