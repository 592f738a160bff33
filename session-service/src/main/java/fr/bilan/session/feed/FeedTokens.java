package fr.bilan.session.feed;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import fr.bilan.support.hash.Sha256;

/**
 * The secret of a feed's URL: 256 random bits in URL-safe base64 (43 characters). Only its SHA-256
 * is stored, so that a copy of the database opens no feed, and logs name a feed by the start of
 * that hash, never by the token.
 */
final class FeedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int LOGGED_HASH_LENGTH = 12;

    private FeedTokens() {
    }

    static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Whether it can be a token at all: anything else is unknown without asking the store. */
    static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches();
    }

    /** Enough of a token's hash to tell feeds apart in logs, far too little to find the token. */
    static String logName(String hash) {
        return hash.substring(0, LOGGED_HASH_LENGTH);
    }
}
