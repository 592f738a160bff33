package fr.bilan.support.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.hash.Sha256;
import io.grpc.StatusRuntimeException;

/**
 * Keyset page tokens (AIP-158). A list pages in a fixed order; a token is the position of the
 * last item a page showed, so the next page resumes after it whatever was added or removed in
 * between. A token is bound to the filters it was made for: used with other filters it is
 * refused ({@code INVALID_ARGUMENT} on {@code page_token}) rather than resuming a list it does
 * not belong to. Tokens are opaque and sealed ({@link PageTokenKey}): a position holds sort keys
 * such as names, which must not show in URLs and logs, and a token altered or made elsewhere is
 * refused.
 */
public final class PageTokens {

    /**
     * The page size of every list asked without one: the contracts' {@code page_size} comments say
     * it ("default 50"), and a test checks they still do.
     */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /**
     * The largest page of a list; a list whose items are much larger or smaller may set its own
     * (synthèse revisions, each a whole text: 100; access records, read in bulk by audits: 500).
     */
    public static final int MAX_PAGE_SIZE = 200;
    private static final String SEPARATOR = "\u0000";

    /**
     * The key of this process: a random one until start-up installs the service's own
     * ({@link PageTokenKeyAutoConfiguration}), which every replica shares.
     */
    private static volatile PageTokenKey processKey = PageTokenKey.random();

    private final PageTokenKey key;
    private final String filters;

    private PageTokens(PageTokenKey key, String filters) {
        this.key = key;
        this.filters = filters;
    }

    /** Makes {@code key} the one {@link #boundTo(Object...)} seals with; done once, at start-up. */
    static void useKey(PageTokenKey key) {
        processKey = Objects.requireNonNull(key);
    }

    /** Tokens for one list with these filters, as the caller asked them (absent ones included). */
    public static PageTokens boundTo(Object... filters) {
        return boundTo(processKey, filters);
    }

    static PageTokens boundTo(PageTokenKey key, Object... filters) {
        String joined = Arrays.stream(filters).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        return new PageTokens(key, Sha256.hex(joined).substring(0, 16));
    }

    /** The token of the page that starts after {@code position} (the sort keys of the last item shown). */
    public String after(String... position) {
        String plain = filters + SEPARATOR + String.join(SEPARATOR, position);
        return key.seal(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a token resumes after, {@code size} sort keys; empty for no token (the first
     * page). {@code INVALID_ARGUMENT} for a token made for other filters, altered, or not made with
     * this service's key.
     */
    public Optional<List<String>> positionOf(String token, int size) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = key.open(token)
                .map(plain -> new String(plain, StandardCharsets.UTF_8).split(SEPARATOR, -1))
                .orElseThrow(PageTokens::invalidToken);
        if (parts.length != size + 1) {
            throw invalidToken();
        }
        if (!parts[0].equals(filters)) {
            throw FieldViolations.of("page_token", "Ce jeton de page a été obtenu avec d'autres filtres : gardez les mêmes "
                    + "filtres d'une page à l'autre, ou reprenez depuis le début.");
        }
        return Optional.of(List.of(parts).subList(1, parts.length));
    }

    /**
     * A time a list put in its token as epoch milliseconds (where the next page starts): only a forged token
     * fails here, with {@link #invalidToken()}.
     */
    public static Instant instantOf(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            throw invalidToken();
        }
    }

    /** {@code INVALID_ARGUMENT} for a token not made here (or altered), which no list can resume from. */
    public static StatusRuntimeException invalidToken() {
        return FieldViolations.of("page_token", "Jeton de page invalide : reprenez la liste depuis le début.");
    }

    /**
     * The page size to serve: {@link #DEFAULT_PAGE_SIZE} when not asked (0), at most {@code max};
     * a negative one is added to {@code violations}.
     */
    public static int pageSize(int requested, int max, FieldViolations violations) {
        if (requested < 0) {
            violations.add("page_size", "La taille de page ne peut pas être négative.");
        }
        return requested <= 0 ? Math.min(DEFAULT_PAGE_SIZE, max) : Math.min(requested, max);
    }
}
