package fr.bilan.retention.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

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

    private static final String PREFIX = "action_end.";

    /** Checks an end as it came over the wire; refuses it field by field ({@code INVALID_ARGUMENT}). */
    public static ActionEnd of(fr.bilan.proto.retention.internal.v1.ActionEnd end) {
        FieldViolations violations = new FieldViolations()
                .requireText(PREFIX + "event_id", end.getEventId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "assessment_id", end.getAssessmentId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "beneficiary_id", end.getBeneficiaryId(), Lookups.MAX_ID_LENGTH)
                .requireText(PREFIX + "centre_id", end.getCentreId(), Lookups.MAX_ID_LENGTH);
        Optional<ActionOutcome> outcome = ActionOutcome.named(end.getOutcome());
        if (outcome.isEmpty()) {
            violations.add(PREFIX + "outcome",
                    "Indiquez comment l'action s'est terminée : COMPLETED, WITHDRAWN, ABANDONED ou INTERRUPTED.");
        }
        Optional<Instant> startTime = ProtoTime.required(PREFIX + "start_time", end.hasStartTime(), end.getStartTime(),
                "Indiquez la date de début de l'action.", violations);
        Optional<Instant> endTime = ProtoTime.required(PREFIX + "end_time", end.hasEndTime(), end.getEndTime(),
                "Indiquez la date de fin de l'action.", violations);
        LocalDate followUpDueDate = ProtoDates.day(end.getFollowUpDueDate(), PREFIX + "follow_up_due_date", violations);
        if (!end.getFundingId().isEmpty()) {
            // optional: a bilan may have had no funding recorded
            violations.requireText(PREFIX + "funding_id", end.getFundingId(), Lookups.MAX_ID_LENGTH);
        }
        violations.throwIfAny();
        return new ActionEnd(end.getEventId(), end.getAssessmentId(), end.getBeneficiaryId(), end.getCentreId(),
                outcome.orElseThrow(), startTime.orElseThrow(), endTime.orElseThrow(), followUpDueDate,
                end.getFundingId());
    }
}
