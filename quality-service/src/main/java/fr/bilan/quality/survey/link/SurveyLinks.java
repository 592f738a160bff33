package fr.bilan.quality.survey.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import fr.bilan.support.security.SecretPathTokens;

/**
 * The secret links of the surveys. A survey's token is the HMAC-SHA256, under the link key, of its id and a
 * random salt kept with it: the invitation and each reminder carry the same link, derived again when sent,
 * while the database keeps only the salt and the token's SHA-256, so that a copy of it opens no survey.
 */
public final class SurveyLinks {

    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final String publicUrl;

    /** @param publicUrl the API's public address, the links start with ({@code bilan.quality.public-url}) */
    public SurveyLinks(byte[] key, String publicUrl) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A survey link key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A new random salt, for a survey about to be sent. */
    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return URL.encodeToString(salt);
    }

    /** The token of survey {@code surveyId} salted with {@code salt}: 43 URL-safe characters. */
    public String token(String surveyId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return URL.encodeToString(mac.doFinal(("survey-link/v1/" + surveyId + "/" + salt)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** What the store keeps of a token. */
    public static String hash(String token) {
        return SecretPathTokens.hash(token);
    }

    /**
     * Whether {@code token} is the one of survey {@code surveyId} with {@code salt}, compared in constant
     * time: the store found the survey by the token's hash, this proves the token was made with the key.
     */
    public boolean opens(String token, String surveyId, String salt) {
        return MessageDigest.isEqual(token(surveyId, salt).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The page's address for {@code token}: {@code <public-url>/api/v1/surveyPages/<token>}. */
    public String url(String token) {
        return publicUrl + "/api/v1/surveyPages/" + token;
    }
}
