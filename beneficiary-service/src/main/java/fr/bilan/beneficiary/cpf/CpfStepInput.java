package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.LocalDate;

/**
 * A step made on the CPF platform, as staff or a connector report it.
 *
 * @param state             {@code null} when none or an unknown one was given
 * @param date              {@code null} when not given (then the entry or exit proposal's, for those steps)
 * @param proposedStartDate for VALIDATED; {@code null} when not given
 * @param plannedHours      for VALIDATED; {@code null} when not given
 * @param dossierNumber     empty: unchanged
 */
public record CpfStepInput(CpfState state, LocalDate date, LocalDate proposedStartDate, Duration plannedHours,
        String dossierNumber) {

    public CpfStepInput {
        dossierNumber = dossierNumber == null ? "" : dossierNumber.replaceAll("\\s", "");
    }

    /** A step with its state and date only. */
    public static CpfStepInput of(CpfState state, LocalDate date) {
        return new CpfStepInput(state, date, null, null, "");
    }
}
