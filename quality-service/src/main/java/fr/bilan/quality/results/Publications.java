package fr.bilan.quality.results;

import java.util.List;
import java.util.Optional;

/** The publications kept, each as published. */
public interface Publications {

    /**
     * Keeps {@code publication} unless one with its request key exists; answers the one kept (a retry
     * answers the first).
     */
    Publication keep(Publication publication);

    /** The publication with this request key, if any. */
    Optional<Publication> byRequestKey(String requestKey);

    Optional<Publication> byId(String id);

    /** A centre's publications (or the network's, for an empty id), the latest first, at most {@code limit}. */
    List<Publication> of(String centreId, int limit);
}
