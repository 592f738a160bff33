package fr.bilan.quality.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.centre.Centres;

/**
 * Offers the follow-ups whose date has come in their centre's day: the scheduled ones due by the next
 * day in UTC are read (every zone's today is at most that), each offered once its own centre's today
 * reaches its date. Run by one replica at a time ({@link FollowUpConfiguration}); offering again changes
 * nothing, so a run cut short is taken up by the next.
 */
public class FollowUpOffers {

    private static final Logger log = LoggerFactory.getLogger(FollowUpOffers.class);

    private final FollowUps followUps;
    private final Centres centres;
    private final int batchSize;
    private final Clock clock;

    public FollowUpOffers(FollowUps followUps, Centres centres, int batchSize, Clock clock) {
        this.followUps = followUps;
        this.centres = centres;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Offers what is due now, a batch at a time while batches come full; how many were offered. */
    public int offerDue() {
        Instant now = clock.instant();
        int total = 0;
        int offered;
        do {
            offered = offerBatch(now);
            total += offered;
        } while (offered == batchSize);
        if (total > 0) {
            log.info("{} follow-up interview(s) offered", total);
        }
        return total;
    }

    private int offerBatch(Instant now) {
        int offered = 0;
        for (FollowUp due : followUps.due(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1), batchSize)) {
            LocalDate today = LocalDate.ofInstant(now, centres.of(due.centreId()).zoneId());
            if (due.due(today)) {
                FollowUpChanges.apply(followUps, due.assessmentId(), followUp -> followUp.offered(now, today));
                offered++;
            }
        }
        return offered;
    }
}
