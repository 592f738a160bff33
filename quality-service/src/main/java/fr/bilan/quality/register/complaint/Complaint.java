package fr.bilan.quality.register.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import fr.bilan.quality.register.Days;
import fr.bilan.quality.register.RegisterFields;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * A complaint in a centre's register (Qualiopi's indicator 31) and how it was handled: received,
 * acknowledged, answered, each once, in that order, on days that are not in the future at the centre;
 * the delays in calendar days. Immutable: each step answers the next version. Process evidence, no bilan
 * content: the summaries are the manager's words about the complaint.
 *
 * @param assessmentId      the bilan it concerns, or null (none, or its evidence destroyed since)
 * @param acknowledgedDate  null before it was acknowledged
 * @param answeredDate      null before it was answered
 * @param answerSummary     empty before it was answered
 * @param requestKey        the caller's request it was recorded by, so that a retry records it once
 * @param version           1 when recorded, one more at each step
 */
public record Complaint(String id, String centreId, ComplainantKind complainant, ComplaintChannel channel,
        ComplaintTopic topic, String summary, String assessmentId, LocalDate receivedDate, LocalDate acknowledgedDate,
        LocalDate answeredDate, String answerSummary, Instant createTime, String requestKey, long version) {

    /** At most this many characters in a summary or an answer's summary. */
    public static final int MAX_SUMMARY = 2_000;

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(complainant, "complainant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(receivedDate, "receivedDate");
        summary = RegisterFields.stripped(summary);
        // to the millisecond, as the store keeps it: a retry answers what the first call did
        createTime = Objects.requireNonNull(createTime, "createTime").truncatedTo(ChronoUnit.MILLIS);
        answerSummary = RegisterFields.stripped(answerSummary);
        if (acknowledgedDate == null && answeredDate != null) {
            throw new IllegalArgumentException("answered before acknowledged");
        }
    }

    /**
     * Checks what a manager wrote of a complaint received, naming each field wrong as the request's JSON
     * spells it ({@code complaint.channel}); {@code today} is the centre's.
     *
     * @throws fr.bilan.support.refusal.InvalidFields naming every field wrong
     */
    public static void check(NewComplaint complaint, LocalDate today) {
        new RegisterFields()
                .require("complaint.complainant", complaint.complainant(),
                        "Indiquez de qui vient la réclamation (bénéficiaire, employeur, financeur ou autre).")
                .require("complaint.channel", complaint.channel(),
                        "Indiquez par quel canal la réclamation est arrivée (courriel, courrier, téléphone, en personne, "
                                + "formulaire du site ou plateforme CPF).")
                .require("complaint.topic", complaint.topic(),
                        "Indiquez l'objet de la réclamation (accompagnement, organisation, facturation, données "
                                + "personnelles ou autre).")
                .text("complaint.summary", complaint.summary(), MAX_SUMMARY, true, true)
                .text("complaint.assessmentId", complaint.assessmentId(), 64, false, false)
                .require("complaint.receivedDate", complaint.receivedDate(), "Indiquez le jour où la réclamation a été reçue.")
                .notInTheFuture("complaint.receivedDate", complaint.receivedDate(), today)
                .throwIfAny();
    }

    /** The complaint as first recorded, once {@link #check checked}. */
    public static Complaint received(String id, NewComplaint complaint, Instant now, String requestKey) {
        return new Complaint(id, complaint.centreId(), complaint.complainant(), complaint.channel(), complaint.topic(),
                complaint.summary(), complaint.assessmentId().isEmpty() ? null : complaint.assessmentId(),
                complaint.receivedDate(), null, null, "", now, requestKey, 1);
    }

    /** Whether {@code complaint} is what this one was recorded from: a retry of the same request. */
    public boolean recordedFrom(NewComplaint complaint) {
        return centreId.equals(complaint.centreId()) && complainant == complaint.complainant()
                && channel == complaint.channel() && topic == complaint.topic() && summary.equals(complaint.summary())
                && Objects.equals(assessmentId, complaint.assessmentId().isEmpty() ? null : complaint.assessmentId())
                && receivedDate.equals(complaint.receivedDate());
    }

    /**
     * Acknowledged on {@code day}: not before it was received, not after {@code today} (the centre's),
     * once. The same day again changes nothing (a retry).
     */
    public Complaint acknowledged(LocalDate day, LocalDate today) {
        new RegisterFields().require("acknowledgedDate", day, "Indiquez le jour où la réception a été accusée.")
                .notInTheFuture("acknowledgedDate", day, today).throwIfAny();
        if (acknowledgedDate != null) {
            if (acknowledgedDate.equals(day)) {
                return this;
            }
            throw new RuleRefusal("Cette réclamation a déjà un accusé de réception, daté du " + Days.french(acknowledgedDate)
                    + " : il ne se modifie pas.");
        }
        if (day.isBefore(receivedDate)) {
            throw new RuleRefusal("L'accusé de réception ne peut pas précéder la réception de la réclamation ("
                    + Days.french(receivedDate) + ").");
        }
        return new Complaint(id, centreId, complainant, channel, topic, summary, assessmentId, receivedDate, day, null, "",
                createTime, requestKey, version + 1);
    }

    /**
     * Answered on {@code day} with {@code answer}: once acknowledged, not before the acknowledgement, not
     * after {@code today}, once. The same answer on the same day again changes nothing (a retry).
     */
    public Complaint answered(LocalDate day, String answer, LocalDate today) {
        String given = RegisterFields.stripped(answer);
        new RegisterFields().require("answeredDate", day, "Indiquez le jour où la réponse a été donnée.")
                .notInTheFuture("answeredDate", day, today)
                .text("answerSummary", given, MAX_SUMMARY, true, true).throwIfAny();
        if (answeredDate != null) {
            if (answeredDate.equals(day) && answerSummary.equals(given)) {
                return this;
            }
            throw new RuleRefusal("Cette réclamation a déjà reçu sa réponse, datée du " + Days.french(answeredDate)
                    + " : elle ne se modifie pas.");
        }
        if (acknowledgedDate == null) {
            throw new RuleRefusal("Enregistrez d'abord l'accusé de réception de cette réclamation, puis sa réponse.");
        }
        if (day.isBefore(acknowledgedDate)) {
            throw new RuleRefusal("La réponse ne peut pas précéder l'accusé de réception de la réclamation ("
                    + Days.french(acknowledgedDate) + ").");
        }
        return new Complaint(id, centreId, complainant, channel, topic, summary, assessmentId, receivedDate,
                acknowledgedDate, day, given, createTime, requestKey, version + 1);
    }

    /** Calendar days from reception to acknowledgement; empty before it. */
    public Optional<Long> daysToAcknowledge() {
        return Optional.ofNullable(acknowledgedDate).map(day -> ChronoUnit.DAYS.between(receivedDate, day));
    }

    /** Calendar days from reception to answer; empty before it. */
    public Optional<Long> daysToAnswer() {
        return Optional.ofNullable(answeredDate).map(day -> ChronoUnit.DAYS.between(receivedDate, day));
    }
}
