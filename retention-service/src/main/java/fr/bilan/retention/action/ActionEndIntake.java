package fr.bilan.retention.action;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.bilan.retention.document.Registry;
import fr.bilan.retention.document.StoredDocuments;
import fr.bilan.retention.holder.HolderProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes in the end of a bilan's action, once per event id (delivery is at least once): stores it,
 * registers what each holder keeps of every ended bilan in its database (the content the purge has
 * it erase), and marks the bilan's documents for a new decision before the end is acknowledged.
 * Counted by what it did ({@code bilan.retention.action.ends{intake}}).
 */
@Component
public class ActionEndIntake {

    private static final Logger log = LoggerFactory.getLogger(ActionEndIntake.class);

    private final ActionEnds ends;
    private final StoredDocuments documents;
    private final Registry registry;
    private final HolderProperties holders;
    private final Clock clock;
    private final MeterRegistry meters;

    public ActionEndIntake(ActionEnds ends, StoredDocuments documents, Registry registry, HolderProperties holders,
            Clock clock, MeterRegistry meters) {
        this.ends = ends;
        this.documents = documents;
        this.registry = registry;
        this.holders = holders;
        this.clock = clock;
        this.meters = meters;
    }

    /** Takes the end in; whether it was its first delivery. */
    public boolean takeIn(ActionEnd end) {
        Instant now = clock.instant();
        boolean first = ends.takeIn(end, now);
        // on a redelivery too: these may be what a crash left undone (both idempotent)
        holders.holders().forEach((holder, settings) -> {
            if (settings.keepsContentOf(!end.fundingId().isEmpty())) {
                documents.takeInContent(holder, settings.contentKind().orElseThrow(), end.assessmentId(),
                        end.beneficiaryId(), end.centreId(), end.endTime(), now);
            }
        });
        registry.markAssessment(end.assessmentId());
        meters.counter("bilan.retention.action.ends", "intake", first ? "taken_in" : "duplicate").increment();
        log.info("Action end {} of assessment {} (beneficiary {}, centre {}, {}): {}", end.eventId(), end.assessmentId(),
                end.beneficiaryId(), end.centreId(), end.outcome(), first ? "taken in" : "already taken in");
        return first;
    }
}
