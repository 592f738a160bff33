package fr.bilan.beneficiary.profile;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;

/**
 * One page of a beneficiary list: the centres searched, the filters, and where the previous page
 * ended. Pages follow (family name, given name, id), so a page token is the last position seen,
 * bound to the filters it was made for (AIP-158: other filters with the same token are refused).
 *
 * @param namePrefix a {@link SearchKey}, empty for no filter
 * @param tokens     page tokens bound to the filters as asked
 * @param consultant only the beneficiaries assigned to this consultant; empty for all of the centres
 */
public record BeneficiaryQuery(Set<String> centres, Set<EmploymentStatus> statuses, String namePrefix, int pageSize,
        Optional<Position> after, PageTokens tokens, Optional<String> consultant) {

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
        int size = PageTokens.pageSize(pageSize, PageTokens.MAX_PAGE_SIZE, violations);
        if (namePrefix.length() > BeneficiaryProfile.MAX_NAME_LENGTH) {
            violations.add("name_prefix",
                    "Ce champ ne doit pas dépasser " + BeneficiaryProfile.MAX_NAME_LENGTH + " caractères.");
        }
        violations.throwIfAny();
        String prefix = SearchKey.of(namePrefix);
        PageTokens tokens = PageTokens.boundTo(centreFilter, new TreeSet<>(statuses), prefix);
        Optional<Position> after = tokens.positionOf(pageToken, 3)
                .map(keys -> new Position(keys.get(0), keys.get(1), keys.get(2)));
        return new BeneficiaryQuery(Set.copyOf(centres), Set.copyOf(statuses), prefix, size, after, tokens,
                Optional.empty());
    }

    /** The same query, narrowed to the beneficiaries assigned to {@code consultant} when present. */
    BeneficiaryQuery assignedTo(Optional<String> consultant) {
        return new BeneficiaryQuery(centres, statuses, namePrefix, pageSize, after, tokens, consultant);
    }

    /** The token of the page that follows {@code last}. */
    String tokenAfter(Position last) {
        return tokens.after(last.familyKey(), last.givenKey(), last.id());
    }
}
