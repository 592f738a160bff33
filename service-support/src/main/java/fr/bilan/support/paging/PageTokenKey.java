package fr.bilan.support.paging;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals page tokens (AES-GCM: encrypted, so a token shows no name nor filter,
 * and authenticated, so an altered or foreign token is refused). Every replica of a service must
 * seal with the same key for a token to work on whichever answers the next page.
 */
public final class PageTokenKey {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final byte[] CONTEXT = "bilan page token v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    private PageTokenKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A page token key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static PageTokenKey of(byte[] key) {
        return new PageTokenKey(key);
    }

    /** The key of {@code bilan.paging.token-key}: the base64 of 32 random bytes ({@code openssl rand -base64 32}). */
    public static PageTokenKey fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bilan.paging.token-key is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("bilan.paging.token-key must be the base64 of " + KEY_BYTES
                    + " bytes, not of " + key.length);
        }
        return new PageTokenKey(key);
    }

    /** A new random key. */
    public static PageTokenKey random() {
        return new PageTokenKey(randomBytes(KEY_BYTES));
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Page tokens for one list with these filters, sealed with this key. */
    public PageTokens boundTo(Object... filters) {
        return PageTokens.boundTo(this, filters);
    }

    /** {@code plain}, encrypted under a fresh nonce, as URL-safe base64 without padding. */
    String seal(byte[] plain) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(plain);
            byte[] token = new byte[1 + NONCE_BYTES + sealed.length];
            token[0] = VERSION;
            System.arraycopy(nonce, 0, token, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, token, 1 + NONCE_BYTES, sealed.length);
            return ENCODER.encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** What {@link #seal} sealed; empty for a token it did not make, or altered in any way. */
    Optional<byte[]> open(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // one spelling per token: a character changed in the unused bits of the last one is a change too
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION
                || !ENCODER.encodeToString(bytes).equals(token)) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(bytes, 1, 1 + NONCE_BYTES));
            return Optional.of(cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES));
        } catch (GeneralSecurityException altered) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(CONTEXT);
        return cipher;
    }
}
