package fr.bilan.beneficiary.profile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.bilan.support.errors.FieldViolations;

/**
 * One page of a beneficiary list: the centres searched, the filters, and where the previous page
 * ended. Pages follow (family name, given name, id), so a page token is the last position seen,
 * bound to the filters it was made for (AIP-158: other filters with the same token are refused).
 *
 * @param namePrefix a {@link SearchKey}, empty for no filter
 * @param filters    fingerprint of the filters as asked, which page tokens carry
 */
public record BeneficiaryQuery(Set<String> centres, Set<EmploymentStatus> statuses, String namePrefix, int pageSize,
        Optional<Position> after, String filters) {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    private static final String SEPARATOR = "\u0000";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Where a page ended, in sort order. */
    public record Position(String familyKey, String givenKey, String id) {
    }

    /**
     * @param centreFilter the centre asked for, empty for all of {@code centres}
     * @param centres      the centres searched: the one asked for, or all of the caller's
     */
    static BeneficiaryQuery of(String centreFilter, Set<String> centres, Set<EmploymentStatus> statuses,
            String namePrefix, int pageSize, String pageToken) {
        FieldViolations violations = new FieldViolations();
        if (pageSize < 0) {
            violations.add("page_size", "La taille de page ne peut pas être négative.");
        }
        if (namePrefix.length() > BeneficiaryProfile.MAX_NAME_LENGTH) {
            violations.add("name_prefix",
                    "Ce champ ne doit pas dépasser " + BeneficiaryProfile.MAX_NAME_LENGTH + " caractères.");
        }
        violations.throwIfAny();
        String prefix = SearchKey.of(namePrefix);
        String filters = fingerprint(centreFilter, statuses, prefix);
        Optional<Position> after = pageToken.isEmpty() ? Optional.empty() : Optional.of(decode(pageToken, filters));
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        return new BeneficiaryQuery(Set.copyOf(centres), Set.copyOf(statuses), prefix, size, after, filters);
    }

    /** The token of the page that follows {@code last}. */
    String tokenAfter(Position last) {
        String plain = String.join(SEPARATOR, filters, last.familyKey(), last.givenKey(), last.id());
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String token, String filters) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 4) {
            throw FieldViolations.of("page_token", "Jeton de page invalide : reprenez la liste depuis le début.");
        }
        if (!parts[0].equals(filters)) {
            throw FieldViolations.of("page_token", "Ce jeton de page a été obtenu avec d'autres filtres : gardez les mêmes filtres "
                    + "d'une page à l'autre, ou reprenez depuis le début.");
        }
        return new Position(parts[1], parts[2], parts[3]);
    }

    private static String fingerprint(String centreFilter, Set<EmploymentStatus> statuses, String prefix) {
        return Sha256.hex(centreFilter + SEPARATOR + new TreeSet<>(statuses) + SEPARATOR + prefix).substring(0, 16);
    }
}
