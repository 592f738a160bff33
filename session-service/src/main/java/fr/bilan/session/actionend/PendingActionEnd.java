package fr.bilan.session.actionend;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;

import fr.bilan.support.outbox.PendingEntry;

/**
 * An end of action waiting for delivery, as its assessment document holds it. A missing field is
 * read as empty rather than failing here: retention-service then refuses the end by name, and the
 * other ends still go.
 *
 * @param startTime       when the bilan was created; {@code null} when missing
 * @param fundingId       the bilan's funding; empty when none was recorded
 * @param endTime         {@code null} when missing
 * @param followUpDueDate {@code yyyy-MM-dd}; {@code null} when no follow-up is offered
 * @param attempts        the failures it met so far
 */
record PendingActionEnd(String assessmentId, String beneficiaryId, String centreId, String eventId, String outcome,
        Instant startTime, Instant endTime, String followUpDueDate, String fundingId, int attempts) {

    static PendingActionEnd of(Document assessment) {
        Document end = assessment.get(ActionEndOutbox.MARKER.field(), Document.class);
        return new PendingActionEnd(assessment.getString("_id"), text(assessment, ActionEndOutbox.BENEFICIARY),
                text(assessment, ActionEndOutbox.CENTRE), text(end, ActionEndOutbox.EVENT_ID),
                text(end, ActionEndOutbox.OUTCOME), instant(assessment, ActionEndOutbox.START_TIME),
                instant(end, ActionEndOutbox.END_TIME),
                end.getString(ActionEndOutbox.FOLLOW_UP_DUE_DATE), text(assessment, ActionEndOutbox.FUNDING),
                ActionEndOutbox.MARKER.attemptsOf(assessment));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static String text(Document document, String field) {
        return Objects.requireNonNullElse(document.getString(field), "");
    }

    PendingEntry pending() {
        return new PendingEntry(assessmentId, attempts, "Action end " + eventId + " of assessment " + assessmentId
                + " (beneficiary " + beneficiaryId + ", centre " + centreId + ", " + outcome + ")");
    }
}
