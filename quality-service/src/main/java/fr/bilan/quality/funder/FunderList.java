package fr.bilan.quality.funder;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.bilan.quality.bilan.FunderRef;

/**
 * The funders of a centre for a year: those the bilans ended that year name (one per kind, name and SIRET,
 * with how many bilans), each with what the managers recorded about it (its contact), and those the
 * managers added by hand; by name, as French sorts it.
 */
final class FunderList {

    /** A funder the bilans of the year name, and how many of them. */
    record Tally(FunderRef funder, int bilans) {
    }

    private static final Comparator<Funder> BY_NAME;

    static {
        Collator french = Collator.getInstance(Locale.FRENCH);
        french.setStrength(Collator.SECONDARY);
        BY_NAME = Comparator.comparing(Funder::name, french).thenComparing(Funder::id);
    }

    private FunderList() {
    }

    /** The year's funders of {@code centreId} from its bilans' {@code tallies} and what is {@code recorded} of its funders. */
    static List<Funder> of(String centreId, List<Tally> tallies, List<Funder> recorded) {
        Map<String, Funder> byKey = recorded.stream().collect(Collectors.toMap(Funder::key, Function.identity(),
                (first, second) -> first));
        List<Funder> funders = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Tally tally : tallies) {
            FunderRef ref = tally.funder();
            String key = Funder.keyOf(ref.kind(), ref.name(), ref.siret());
            named.add(key);
            Funder known = byKey.get(key);
            funders.add(new Funder(known == null ? Funder.derivedId(centreId, ref) : known.id(), ref.kind(), ref.name(),
                    ref.siret(), FunderOrigin.FROM_BILANS, known == null ? null : known.contact(), tally.bilans()));
        }
        recorded.stream().filter(funder -> funder.origin() == FunderOrigin.ADDED_BY_HAND && !named.contains(funder.key()))
                .map(funder -> funder.withBilanCount(0)).forEach(funders::add);
        funders.sort(BY_NAME);
        return funders;
    }
}
