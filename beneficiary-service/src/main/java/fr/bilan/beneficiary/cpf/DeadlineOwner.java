package fr.bilan.beneficiary.cpf;

/** Who must act by a deadline: the centre's are the ones a late step may cost it the payment for. */
public enum DeadlineOwner {
    CENTRE,
    HOLDER,
    FINANCER
}
