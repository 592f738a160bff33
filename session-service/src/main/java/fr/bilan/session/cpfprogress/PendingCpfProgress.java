package fr.bilan.session.cpfprogress;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;

/**
 * The facts of a bilan waiting for its CPF dossier, as its assessment document holds them. A
 * missing field is read as empty rather than failing here: beneficiary-service then refuses the
 * fact by name, and the other bilans' still go.
 *
 * @param fundingId empty when none is recorded any more
 * @param version   the bilan's version that armed the marker
 * @param started   its time {@code null} when missing; {@code null} before before the first attended session of the action (or once forgotten)
 * @param ended     its time {@code null} when missing; {@code null} while the action runs (or once forgotten)
 * @param attempts  the failures it met so far
 */
record PendingCpfProgress(String assessmentId, String centreId, String fundingId, long version, Started started,
        Ended ended, int attempts) {

    static final String CENTRE = "centreId";
    static final String FUNDING = "fundingId";

    /** The first attended session of the action began at {@code firstSessionTime}. */
    record Started(String eventId, Instant firstSessionTime) {
    }

    /** The action ended at {@code endTime}. */
    record Ended(String eventId, Instant endTime, String outcome, Duration delivered, int absences) {
    }

    static PendingCpfProgress of(Document assessment) {
        Document marker = assessment.get(CpfProgressOutbox.MARKER.field(), Document.class);
        Document started = marker.get(CpfProgressOutbox.STARTED, Document.class);
        Document ended = marker.get(CpfProgressOutbox.ENDED, Document.class);
        Number version = marker.get(CpfProgressOutbox.VERSION, Number.class);
        return new PendingCpfProgress(assessment.getString("_id"), text(assessment, CENTRE), text(assessment, FUNDING),
                version == null ? 0 : version.longValue(),
                started == null ? null : new Started(text(started, CpfProgressOutbox.EVENT_ID),
                        instant(started, CpfProgressOutbox.FIRST_SESSION_TIME)),
                ended == null ? null : new Ended(text(ended, CpfProgressOutbox.EVENT_ID),
                        instant(ended, CpfProgressOutbox.END_TIME), text(ended, CpfProgressOutbox.OUTCOME),
                        Duration.ofSeconds(number(ended, CpfProgressOutbox.DELIVERED_SECONDS)),
                        (int) number(ended, CpfProgressOutbox.ABSENCES)),
                CpfProgressOutbox.MARKER.attemptsOf(assessment));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document document, String field) {
        Number number = document.get(field, Number.class);
        return number == null ? 0 : number.longValue();
    }

    private static String text(Document document, String field) {
        return Objects.requireNonNullElse(document.getString(field), "");
    }
}
