package fr.bilan.support.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import fr.bilan.support.hash.Sha256;

/**
 * The secret in the path of a public-with-secret-path URL (a calendar feed, a shared synthèse): 256
 * random bits in URL-safe base64 (43 characters). Only its SHA-256 is stored, so that a copy of the
 * database opens nothing, and logs name a URL by the start of that hash, never by the token.
 */
public final class SecretPathTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int LOGGED_HASH_LENGTH = 12;

    private SecretPathTokens() {
    }

    public static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Whether it can be a token at all: anything else is unknown without asking the store. */
    public static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches();
    }

    /** Enough of a token's hash to tell URLs apart in logs, far too little to find the token. */
    public static String logName(String hash) {
        return hash.substring(0, LOGGED_HASH_LENGTH);
    }
}
