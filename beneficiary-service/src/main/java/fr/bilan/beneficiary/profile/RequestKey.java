package fr.bilan.beneficiary.profile;

import java.util.UUID;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.hash.Sha256;

/**
 * The idempotency key stored with a created resource. A caller's {@code request_id} is bound to
 * the caller's subject, so one caller can never replay another's request and read its result.
 */
public final class RequestKey {

    private static final int MAX_REQUEST_ID_LENGTH = 64;

    private RequestKey() {
    }

    public static String of(String subject, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return "none:" + UUID.randomUUID();
        }
        return Sha256.hex(subject + "\n" + requestId);
    }

    /** {@code INVALID_ARGUMENT} on {@code request_id} for an identifier longer than a UUID needs. */
    public static void check(String requestId) {
        if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw FieldViolations.of("request_id",
                    "L'identifiant de requête ne doit pas dépasser " + MAX_REQUEST_ID_LENGTH + " caractères.");
        }
    }
}
