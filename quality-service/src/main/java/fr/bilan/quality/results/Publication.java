package fr.bilan.quality.results;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Results published: the figures as computed then, dated, under an id that is the public page's address.
 * The id is 128 random bits (base64url): a page is found only by whom it was given to.
 *
 * @param requestKey what the publisher's retry is recognised by ({@link fr.bilan.support.resources.RequestKey})
 */
public record Publication(String id, Results results, Instant publishTime, String requestKey) {

    /** The form of every id: 22 base64url characters. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    public Publication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(publishTime, "publishTime");
    }

    /** A new id: 16 random bytes of {@code random}. */
    static String newId(RandomGenerator random) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether {@code id} could be a publication's, before anything is looked up. */
    static boolean wellFormed(String id) {
        return ID.matcher(id).matches();
    }

    /** The public page's path on the API's host. */
    public String urlPath() {
        return "/api/v1/publishedResults/" + id;
    }
}
