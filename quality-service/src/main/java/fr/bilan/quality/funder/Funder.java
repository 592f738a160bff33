package fr.bilan.quality.funder;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.bilan.FunderRef;

/**
 * A funder of a centre: a company, an administration or a public body, never a person, with the business
 * contact its yearly survey goes to.
 *
 * @param id         unguessable for one added by hand; for one named by the bilans, derived from the centre
 *                   and the funder's kind, name and SIRET, so that the contact recorded on it sticks from one
 *                   listing to the next
 * @param siret      its 14 digits, or empty
 * @param contact    who receives its survey, or null while nobody is named
 * @param bilanCount how many bilans of the year listed it funded (0 when added by hand, or kept out of a list)
 */
public record Funder(String id, FunderKind kind, String name, String siret, FunderOrigin origin,
        FunderContact contact, int bilanCount) {

    public Funder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        siret = siret == null ? "" : siret;
    }

    /** The id of the funder {@code ref} the bilans of {@code centreId} name: the same at every listing. */
    public static String derivedId(String centreId, FunderRef ref) {
        return UUID.nameUUIDFromBytes(("funder/" + centreId + "/" + keyOf(ref.kind(), ref.name(), ref.siret()))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What tells two funders of a centre apart: their kind, name and SIRET as written. */
    public static String keyOf(FunderKind kind, String name, String siret) {
        return kind.name() + "\n" + name + "\n" + (siret == null ? "" : siret);
    }

    public String key() {
        return keyOf(kind, name, siret);
    }

    /** The same funder, its survey going to {@code to}. */
    public Funder withContact(FunderContact to) {
        return new Funder(id, kind, name, siret, origin, to, bilanCount);
    }

    /** The same funder, with {@code count} bilans of the year listed. */
    Funder withBilanCount(int count) {
        return new Funder(id, kind, name, siret, origin, contact, count);
    }
}
