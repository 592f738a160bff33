package fr.bilan.notification.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An agreement awaiting the employee's signature, as notification-service last heard of it: the
 * reminder before it lapses and the managers' digests read it.
 *
 * @param deadline      the last day the employee may sign, in the centre's calendar
 * @param awaiting      whether it still awaits the signature (false once signed, refused or lapsed)
 * @param lastOccurTime when the last fact taken about it happened at the producer: an older fact changes nothing
 */
public record TrackedAgreement(String fundingId, String beneficiaryId, String centreId, LocalDate deadline,
        boolean awaiting, Instant lastOccurTime) {

    public TrackedAgreement {
        Objects.requireNonNull(fundingId);
        Objects.requireNonNull(beneficiaryId);
        Objects.requireNonNull(centreId);
        Objects.requireNonNull(deadline);
        Objects.requireNonNull(lastOccurTime);
    }

    public TrackedAgreement settled(Instant occurTime) {
        return new TrackedAgreement(fundingId, beneficiaryId, centreId, deadline, false, occurTime);
    }
}
