package fr.bilan.beneficiary.agreement;

import java.time.Clock;

import org.springframework.stereotype.Component;

import fr.bilan.support.refusal.Conflict;

/**
 * Destroys the tripartite agreement of a funding three years after the end of the action it paid
 * for (L6362-6), as retention-service's purge asks: reads it, lets the lifecycle make its stub,
 * writes it over the version read (read again when changed in between).
 */
@Component
public class AgreementDestruction {

    private static final int ATTEMPTS = 3;

    private final AgreementRepository agreements;
    private final Clock clock;

    AgreementDestruction(AgreementRepository agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    /**
     * Destroys the agreement of {@code fundingId}; how many were destroyed now: 1, or 0 when it was
     * destroyed already or the funding has none (one agreement per funding at most).
     */
    public long destroyOf(String fundingId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            var found = agreements.findByFundingId(fundingId);
            if (found.isEmpty()) {
                return 0;
            }
            Agreement read = found.get();
            Agreement stub = AgreementLifecycle.destroyed(read, clock.instant());
            if (stub == read) {
                return 0;
            }
            if (agreements.destroy(stub, read)) {
                return 1;
            }
        }
        throw new Conflict("Cette convention a été modifiée plusieurs fois pendant sa destruction : réessayez.");
    }
}
