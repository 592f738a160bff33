package fr.bilan.beneficiary.cpf;

/** Which of a centre's dossiers a list holds, always the next deadline of the centre first. */
public enum CpfListView {
    /** Those not in a final state. */
    OPEN,
    /** Those with a deadline of the centre passed. */
    OVERDUE,
    /** Those with a deadline of the centre passed, today or on the next working day. */
    DUE_SOON,
    /** Every one, closed ones last. */
    ALL
}
