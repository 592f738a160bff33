package fr.bilan.retention.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** An action end as the contract carries it, checked field by field into the domain's {@link ActionEnd}. */
final class ActionEndMessages {

    private static final String PREFIX = "action_end.";

    /** Checks an end as it came over the wire; refuses it field by field ({@code INVALID_ARGUMENT}). */
    static ActionEnd fromProto(fr.bilan.proto.retention.internal.v1.ActionEnd end) {
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

    private ActionEndMessages() {
    }
}
