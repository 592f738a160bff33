package fr.bilan.beneficiary.agreement;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Silence means refusal (R6313-8): an agreement the employee did not sign within 10 days lapses at
 * 00:00 in Paris on day 11, whether or not anyone asks. Every replica checks now and then; the
 * conditional update makes the same lapse recorded once, whoever gets there first.
 */
@Component
class AgreementLapses {

    private static final Logger log = LoggerFactory.getLogger(AgreementLapses.class);

    private final AgreementRepository agreements;
    private final Clock clock;

    AgreementLapses(AgreementRepository agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bilan.agreements.lapse-check-interval:1m}")
    void recordLapses() {
        long lapsed = agreements.recordLapses(clock.instant());
        if (lapsed > 0) {
            log.info("{} tripartite agreement(s) lapsed: not signed by the employee within {} days", lapsed,
                    AgreementLifecycle.EMPLOYEE_DAYS);
        }
    }
}
