package fr.bilan.synthesis.vault;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM as both the master key (wrapping data keys) and the data keys (sealing documents) use it:
 * a fresh random 96-bit IV for every message, written before the ciphertext, and a 128-bit tag
 * after it. Random IVs are safe here: a data key seals a handful of documents and a master key wraps
 * one data key per bilan, far below the 2^32 messages a key may take with random IVs.
 */
final class Gcm {

    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Gcm() {
    }

    /** {@code prefix || IV || ciphertext || tag}, written once into one array (a 3 MB PDF is not copied again). */
    static byte[] seal(SecretKey key, byte[] prefix, byte[] aad, byte[] plain) {
        byte[] out = new byte[prefix.length + IV_BYTES + plain.length + TAG_BYTES];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        System.arraycopy(iv, 0, out, prefix.length, IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(aad);
            cipher.doFinal(plain, 0, plain.length, out, prefix.length + IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The plain text of {@code sealed} past its {@code prefixLength} header bytes.
     *
     * @throws AEADBadTagException when the key, the AAD or a single byte differ from the sealing's
     */
    static byte[] open(SecretKey key, byte[] sealed, int prefixLength, byte[] aad) throws AEADBadTagException {
        if (sealed.length < prefixLength + IV_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("too short to be sealed: " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, prefixLength, IV_BYTES));
            cipher.updateAAD(aad);
            int start = prefixLength + IV_BYTES;
            return cipher.doFinal(sealed, start, sealed.length - start);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }
}
