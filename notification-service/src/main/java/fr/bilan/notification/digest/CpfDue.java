package fr.bilan.notification.digest;

import java.util.List;

/**
 * What the digests are built with of the CPF deadlines: the dossiers due, or that they could not be read.
 *
 * @param dossiers the dossiers due (empty when unread)
 * @param read     whether beneficiary-service answered
 */
public record CpfDue(List<CpfDeadlines.DueCpfDossier> dossiers, boolean read) {

    public CpfDue {
        dossiers = List.copyOf(dossiers);
    }

    public static CpfDue read(List<CpfDeadlines.DueCpfDossier> dossiers) {
        return new CpfDue(dossiers, true);
    }

    public static CpfDue unread() {
        return new CpfDue(List.of(), false);
    }
}
