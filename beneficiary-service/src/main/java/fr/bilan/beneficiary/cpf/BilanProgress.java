package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.LocalDate;

/** What happened to the bilan of a CPF dossier, as session-service tells it. */
public sealed interface BilanProgress {

    /** The first session was attended on {@code firstSessionDate}. */
    record Started(LocalDate firstSessionDate) implements BilanProgress {
    }

    /**
     * The action ended.
     *
     * @param delivered accompaniment hours delivered (attended sessions)
     * @param absences  sessions the beneficiary missed
     */
    record Ended(LocalDate endDate, BilanOutcome outcome, Duration delivered, int absences) implements BilanProgress {
    }
}
