package fr.bilan.beneficiary.cpf;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a dossier's history.
 *
 * @param date            when it was made on the CPF platform
 * @param recordedBy      the user's id, or the connector's name
 * @param dueDate         the deadline it answered, {@code null} when none applied
 * @param workingDaysLate working days after that deadline; 0 when on time (and possibly when made on
 *                        the non-working days right after it)
 * @param requestKey      the idempotency key it was recorded under, {@code null} without one
 */
public record CpfStep(CpfState state, LocalDate date, Instant recordTime, String recordedBy, StepSource source,
        LocalDate dueDate, boolean late, int workingDaysLate, String requestKey) {
}
