package fr.bilan.beneficiary.funding;

import java.time.Instant;
import java.util.Optional;

/**
 * The tripartite agreement of a funding, as a funding's view shows it and as its cancellation
 * reaches it. An interface here, implemented
 * in the agreement package, because an agreement is drawn up for a funding: agreements depend on
 * fundings, never the reverse.
 */
public interface FundingAgreements {

    /** An agreement's id and its state now (lapses included). */
    record Current(String id, AgreementState state) {
    }

    /** The agreement drafted for the funding {@code fundingId}, if any. */
    Optional<Current> of(String fundingId);

    /**
     * The funding {@code fundingId} was cancelled at {@code cancelTime}: its agreement, if it still
     * awaits the employee's signature, can be signed no more, and nobody must be reminded of it.
     * Harmless when told again.
     */
    void fundingCancelled(String fundingId, Instant cancelTime);
}
