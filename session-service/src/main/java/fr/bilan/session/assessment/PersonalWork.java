package fr.bilan.session.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.PersonalWorkHours;

/**
 * Work the beneficiary did on their own during a phase of the action (documentary research, a
 * survey of professionals): recorded apart from the sessions because it is not accompaniment, so
 * counted in neither the 24 hours nor the 13, and not funded by the CPF (D6323-6 as amended in
 * 2026). Holds no text: what they found is the bilan's content, not process data.
 *
 * @param id         unique within the bilan; a retried record names the same id
 * @param day        the day it was done, in the centre's zone
 * @param duration   whole minutes, from {@link #MIN_DURATION} to {@link #MAX_DURATION}
 * @param recordedBy who recorded it (their login's subject)
 */
public record PersonalWork(String id, Phase phase, PersonalWorkKind kind, LocalDate day, Duration duration,
        String recordedBy, Instant recordTime) {

    /** What it is, as the attendance report tells its reader. */
    public static final String NOT_ACCOMPANIMENT = "Travail personnel du bénéficiaire (recherches documentaires, "
            + "enquêtes auprès de professionnels) : ce n'est pas de l'accompagnement ; il ne compte ni dans les "
            + "24 heures du bilan ni dans ses 13 heures d'accompagnement effectif, et le CPF ne le finance pas "
            + "(Code du travail, D6323-6).";
    /** Less is not worth a line. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    /** One entry per piece of work: 40 hours is a full week of it, more is a typing error. */
    public static final Duration MAX_DURATION = Duration.ofHours(40);

    public PersonalWork {
        // the edge checks both field by field (AssessmentGrpcService): these are invariants
        if (!phase.ofTheAction()) {
            throw new IllegalArgumentException("personal work belongs to a phase of the action: " + phase);
        }
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0
                || duration.toSecondsPart() != 0 || duration.getNano() != 0) {
            throw new IllegalArgumentException("personal work lasts whole minutes, 15 min to 40 h: " + duration);
        }
    }

    /** As the hour count sees it. */
    public PersonalWorkHours hours() {
        return new PersonalWorkHours(phase, duration);
    }
}
