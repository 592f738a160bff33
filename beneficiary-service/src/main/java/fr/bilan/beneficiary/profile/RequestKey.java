package fr.bilan.beneficiary.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The idempotency key stored with a created resource. A caller's {@code request_id} is bound to
 * the caller's subject, so one caller can never replay another's request and read its result.
 */
final class RequestKey {

    private RequestKey() {
    }

    static String of(String subject, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return "none:" + UUID.randomUUID();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subject + "\n" + requestId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
