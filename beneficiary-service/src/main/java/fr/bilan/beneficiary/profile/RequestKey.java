package fr.bilan.beneficiary.profile;

import java.util.UUID;

/**
 * The idempotency key stored with a created resource. A caller's {@code request_id} is bound to
 * the caller's subject, so one caller can never replay another's request and read its result.
 */
public final class RequestKey {

    private RequestKey() {
    }

    public static String of(String subject, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return "none:" + UUID.randomUUID();
        }
        return Sha256.hex(subject + "\n" + requestId);
    }
}
