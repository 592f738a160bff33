package fr.bilan.quality.funder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.centre.Centres;

/**
 * The yearly date's check: each centre whose day (in its zone) has reached the send day asks its funders
 * about the year before, once (a centre and year done are kept). A check run twice, or on two replicas
 * despite the lock, asks nobody twice: the surveys themselves are one per funder and year.
 */
final class FunderSurveyRounds {

    /** What a check did: how many centres asked their funders, how many surveys went. */
    record Check(int centres, int sent) {
    }

    private static final Logger log = LoggerFactory.getLogger(FunderSurveyRounds.class);

    private final Funders funders;
    private final CentreFunders centreFunders;
    private final Centres centres;
    private final MonthDay sendDay;
    private final Clock clock;

    FunderSurveyRounds(Funders funders, CentreFunders centreFunders, Centres centres, MonthDay sendDay, Clock clock) {
        this.funders = funders;
        this.centreFunders = centreFunders;
        this.centres = centres;
        this.sendDay = sendDay;
        this.clock = clock;
    }

    Check run() {
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
        // the centres' zones straddle the new year: the year before may be UTC's or the one before it
        LocalDate from = LocalDate.of(year - 1, 1, 1);
        int asked = 0;
        int sent = 0;
        for (String centreId : new TreeSet<>(funders.centresWithFunders(from, LocalDate.of(year + 1, 1, 1)))) {
            Optional<Integer> due = FunderYears.dueOn(LocalDate.ofInstant(now, centres.of(centreId).zoneId()), sendDay);
            if (due.isEmpty() || funders.yearlyDone(centreId, due.get())) {
                continue;
            }
            CentreFunders.Sending sending = centreFunders.send(centreId, due.get());
            funders.markYearlyDone(centreId, due.get());
            log.info("Funders of centre {} asked about {}: {} sent, {} without a contact, {} asked before", centreId,
                    due.get(), sending.sent(), sending.withoutContact(), sending.alreadyAsked());
            asked++;
            sent += sending.sent();
        }
        return new Check(asked, sent);
    }
}
