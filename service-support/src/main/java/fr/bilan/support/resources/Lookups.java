package fr.bilan.support.resources;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import fr.bilan.support.errors.FieldViolations;

/** Finding a resource a request names by its identifier, the same way for every resource. */
public final class Lookups {

    /** Identifiers are UUIDs, or the identity provider's subjects: never longer than this. */
    public static final int MAX_ID_LENGTH = 64;

    private Lookups() {
    }

    /**
     * The resource {@code id} names: {@code INVALID_ARGUMENT} on {@code field} when the identifier
     * is missing or too long, {@code notFound} when nothing has it (a domain
     * {@code NotFound}, or a gRPC status).
     */
    public static <T> T require(String field, String id, Function<String, Optional<T>> finder,
            Supplier<? extends RuntimeException> notFound) {
        new FieldViolations().requireText(field, id, MAX_ID_LENGTH).throwIfAny();
        return finder.apply(id).orElseThrow(notFound);
    }
}
