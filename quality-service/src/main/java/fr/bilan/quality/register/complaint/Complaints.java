package fr.bilan.quality.register.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The centres' complaints as kept. */
public interface Complaints {

    /**
     * Keeps {@code complaint} unless one was recorded by the same request already; answers the one kept
     * under that request: {@code complaint}, or the first.
     */
    Complaint recordOnce(Complaint complaint);

    /** The complaint of that centre with that id. */
    Optional<Complaint> byId(String centreId, String id);

    /**
     * Replaces {@code previous} by {@code next} (its next version); {@code false}, changing nothing, when
     * the complaint changed since {@code previous} was read.
     */
    boolean replace(Complaint previous, Complaint next);

    /** A centre's complaints received from {@code from} (included) to {@code until} (excluded), the latest first. */
    List<Complaint> receivedBetween(String centreId, LocalDate from, LocalDate until);
}
