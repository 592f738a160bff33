package fr.bilan.beneficiary.cpf;

import java.time.LocalDate;

/** The entry the bilan proposes: the day of its first attended session. */
public record EntryProposal(LocalDate entryDate) {
}
