package fr.bilan.retention.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;


/**
 * R6313-7 as BILAN.md states it, written straight in code and independently of the rules file,
 * for the property tests to check the policy against. A consent withdrawn after the end stops an
 * exception from then on, never back to the end.
 */
final class LawOracle {

    static final LocalDate DECREE_2023_1350 = LocalDate.of(2024, 1, 1);
    private static final Set<DocumentKind> CONTENT = EnumSet.of(DocumentKind.WORKING_DOCUMENT, DocumentKind.TEST_RESULT,
            DocumentKind.DETAILED_RESULTS, DocumentKind.SYNTHESIS_DOCUMENT);

    private LawOracle() {
    }

    /** How long an exception keeps the content: three years, one for actions started before the decree. */
    static int exceptionYears(BilanTimeline timeline) {
        return LocalDate.ofInstant(timeline.actionStart(), RetentionPolicy.LEGAL_ZONE).isBefore(DECREE_2023_1350) ? 1 : 3;
    }

    /** Whether an exception (a) or (b) keeps the document at {@code now}. */
    static boolean keptByException(RetainedDocument document, BilanTimeline timeline, Instant now) {
        boolean agreed = latestGrants(timeline, ConsentKind.FOLLOW_UP_RETENTION, null, now);
        boolean sentToCep = latestGrants(timeline, ConsentKind.SYNTHESIS_SHARING, RecipientKind.CEP_ADVISOR, now);
        return CONTENT.contains(document.kind())
                && (agreed || document.kind() == DocumentKind.SYNTHESIS_DOCUMENT && sentToCep);
    }

    /**
     * The latest of: the end plus what keeps the document as the consents stand at {@code now}; the
     * instant an exception stopped keeping it after the end, by a withdrawal, or by its period
     * running out if that came first (a withdrawal after the end is not retroactive); the store time.
     */
    static Optional<Instant> dueTime(RetainedDocument document, BilanTimeline timeline, Instant now) {
        return timeline.actionEnd().filter(end -> !end.isAfter(now)).map(end -> {
            int years = !CONTENT.contains(document.kind()) ? 3
                    : keptByException(document, timeline, now) ? exceptionYears(timeline) : 0;
            Instant due = yearsAfter(end, years);
            if (CONTENT.contains(document.kind())) {
                Instant periodEnd = yearsAfter(end, exceptionYears(timeline));
                due = later(due, withdrawnAfter(end, timeline, ConsentKind.FOLLOW_UP_RETENTION, null, now, periodEnd));
                if (document.kind() == DocumentKind.SYNTHESIS_DOCUMENT) {
                    due = later(due, withdrawnAfter(end, timeline, ConsentKind.SYNTHESIS_SHARING,
                            RecipientKind.CEP_ADVISOR, now, periodEnd));
                }
            }
            return later(due, document.storeTime());
        });
    }

    /**
     * Walking the ledger record by record up to {@code now}: the last withdrawal after the end of a
     * consent granted until then, no later than {@code periodEnd}; the end itself when there is none.
     */
    private static Instant withdrawnAfter(Instant end, BilanTimeline timeline, ConsentKind kind, RecipientKind recipient,
            Instant now, Instant periodEnd) {
        Instant last = end;
        boolean granted = false;
        for (ConsentRecord consent : timeline.consents()) {
            if (consent.kind() != kind || consent.recipientKind() != recipient || consent.recordTime().isAfter(now)) {
                continue;
            }
            boolean grants = consent.decision() == ConsentDecision.GRANTED;
            if (granted && !grants && consent.recordTime().isAfter(end)) {
                last = later(last, consent.recordTime().isAfter(periodEnd) ? periodEnd : consent.recordTime());
            }
            granted = grants;
        }
        return last;
    }

    private static Instant yearsAfter(Instant end, int years) {
        return end.atZone(RetentionPolicy.LEGAL_ZONE).plusYears(years).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }

    static boolean held(BilanTimeline timeline, Instant now) {
        return timeline.holds().stream().filter(change -> !change.time().isAfter(now))
                .map(LegalHoldChange::holdId).distinct()
                .anyMatch(id -> timeline.holds().stream()
                        .filter(change -> change.holdId().equals(id) && !change.time().isAfter(now))
                        .reduce((first, second) -> second).orElseThrow().set());
    }

    static boolean destroyable(RetainedDocument document, BilanTimeline timeline, Instant now) {
        return !document.storeTime().isAfter(now) && !held(timeline, now)
                && dueTime(document, timeline, now).filter(due -> !due.isAfter(now)).isPresent();
    }

    private static boolean latestGrants(BilanTimeline timeline, ConsentKind kind, RecipientKind recipient, Instant now) {
        return timeline.consents().stream()
                .filter(consent -> consent.kind() == kind && consent.recipientKind() == recipient
                        && !consent.recordTime().isAfter(now))
                .reduce((first, second) -> second)
                .map(consent -> consent.decision() == ConsentDecision.GRANTED).orElse(false);
    }
}
