package fr.bilan.quality.register;

import java.util.Optional;
import java.util.function.Predicate;

import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.Conflict;

/**
 * The register's records of one kind (complaints, improvement actions) as kept: recorded once per
 * request, found within their centre, changed version by version.
 *
 * @param <T> the record
 */
public interface RegisterRecords<T> {

    /**
     * Keeps {@code record} unless one was recorded by the same request already; answers the one kept
     * under that request: {@code record}, or the first.
     */
    T recordOnce(T record);

    /**
     * Keeps {@code record} once per request: answers the one its request recorded if it is the same
     * ({@code sameAsAsked}: a retry), refuses with {@code usedByAnother}, in French, if it is another.
     */
    default T recordOnce(T record, Predicate<T> sameAsAsked, String usedByAnother) {
        T kept = recordOnce(record);
        if (!sameAsAsked.test(kept)) {
            throw new AlreadyExists(usedByAnother);
        }
        return kept;
    }

    /** The record of that centre with that id. */
    Optional<T> byId(String centreId, String id);

    /**
     * Replaces {@code previous} by {@code next} (its next version); {@code false}, changing nothing, when
     * the record changed since {@code previous} was read.
     */
    boolean replace(T previous, T next);

    /**
     * Keeps {@code next}, the record a step made of {@code current}: nothing to write when the step changed
     * nothing (a retry); refused with {@code conflict}, in French, when another change came first.
     */
    default T keep(T current, T next, String conflict) {
        if (next == current) {
            return current;
        }
        if (!replace(current, next)) {
            throw new Conflict(conflict);
        }
        return next;
    }
}
