package fr.bilan.support.resources;

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

    /** Throws {@code INVALID_ARGUMENT} for a {@code request_id} longer than a UUID needs. */
    public static void check(String requestId) {
        if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw FieldViolations.of("request_id",
                    "L'identifiant de requête ne doit pas dépasser " + MAX_REQUEST_ID_LENGTH + " caractères.");
        }
    }

    public static String of(String subject, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return "none:" + UUID.randomUUID();
        }
        return Sha256.hex(subject + "\n" + requestId);
    }
}
