package fr.bilan.notification.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import fr.bilan.notification.message.CpfDossierState;

/**
 * The CPF dossiers whose deadline of the centre is due, as beneficiary-service knows them when the
 * digests are built: read then, never copied ahead, so a step recorded a minute before counts.
 */
public interface CpfDeadlines {

    /**
     * The open dossiers of every centre with a deadline of the centre due by {@code throughDate} (the
     * overdue ones included), the earliest first.
     *
     * @throws CpfDeadlinesUnavailable when beneficiary-service cannot answer now
     */
    List<DueCpfDossier> dueThrough(LocalDate throughDate);

    /**
     * A dossier with a deadline due.
     *
     * @param consultantIds the consultants who look after its beneficiary (whose digests list it)
     * @param label         what is due, in French
     * @param dueDate       the last working day to act, in the centre's calendar
     */
    record DueCpfDossier(String dossierId, String centreId, List<String> consultantIds, String dossierNumber,
            CpfDossierState state, String label, LocalDate dueDate) {

        public DueCpfDossier {
            Objects.requireNonNull(dossierId);
            Objects.requireNonNull(centreId);
            consultantIds = List.copyOf(consultantIds);
            Objects.requireNonNull(dossierNumber);
            Objects.requireNonNull(state);
            Objects.requireNonNull(label);
            Objects.requireNonNull(dueDate);
        }
    }
}
