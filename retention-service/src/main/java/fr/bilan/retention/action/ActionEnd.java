package fr.bilan.retention.action;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The end of a bilan's action (session-service), as retention keeps it: identifiers, how and when
 * it ended; the destruction clocks of its documents run from it (R6313-7).
 *
 * @param eventId         unique per end, the same on every redelivery
 * @param startTime       when the action began: which text governs its retention
 * @param followUpDueDate the day the follow-up interview is offered for; {@code null} when none is
 * @param fundingId       the action's funding (beneficiary-service), whose agreement its holder
 *                        destroys with the bilan's process evidence; empty when none was recorded
 */
public record ActionEnd(String eventId, String assessmentId, String beneficiaryId, String centreId,
        ActionOutcome outcome, Instant startTime, Instant endTime, LocalDate followUpDueDate, String fundingId) {
}
