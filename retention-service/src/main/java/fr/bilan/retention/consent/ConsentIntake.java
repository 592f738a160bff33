package fr.bilan.retention.consent;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.bilan.retention.document.Registry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes in a change of a beneficiary's consent ledger, once per event id (delivery is at least once),
 * and marks the beneficiary's documents for a new decision before it is acknowledged. Counted by
 * what it did ({@code bilan.retention.consent.changes{intake}}).
 */
@Component
public class ConsentIntake {

    private static final Logger log = LoggerFactory.getLogger(ConsentIntake.class);

    private final ConsentChanges changes;
    private final Registry registry;
    private final Clock clock;
    private final MeterRegistry meters;

    public ConsentIntake(ConsentChanges changes, Registry registry, Clock clock, MeterRegistry meters) {
        this.changes = changes;
        this.registry = registry;
        this.clock = clock;
        this.meters = meters;
    }

    /** Takes the change in; whether it was its first delivery. */
    public boolean takeIn(ConsentChange change) {
        ConsentChanges.Intake intake = changes.takeIn(change, clock.instant());
        // on a redelivery too: the mark may be what a crash left undone
        registry.markBeneficiary(change.beneficiaryId());
        meters.counter("bilan.retention.consent.changes", "intake", intake.name().toLowerCase()).increment();
        if (intake == ConsentChanges.Intake.TAKEN_IN_LATE) {
            log.warn("Consent change {} (beneficiary {}, sequence {}) arrived after a later one: stored in its place",
                    change.eventId(), change.beneficiaryId(), change.sequence());
        } else {
            log.debug("Consent change {} (beneficiary {}, sequence {}): {}", change.eventId(), change.beneficiaryId(),
                    change.sequence(), intake);
        }
        return intake != ConsentChanges.Intake.DUPLICATE;
    }
}
