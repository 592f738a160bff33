package fr.bilan.beneficiary.funding;

/**
 * Who finances the part of a bilan's price the CPF does not pay (the top-up), or {@link #NONE}:
 * still to be found. Named as the contract's constants.
 */
public enum TopUpFunder {
    /** None named: a financer is still to be found. */
    NONE("financeur à trouver"),
    TOP_UP_BY_EMPLOYER("abondement de l'employeur"),
    TOP_UP_BY_OPCO("abondement d'un opérateur de compétences (OPCO)"),
    TOP_UP_BY_BENEFICIARY("à la charge du bénéficiaire"),
    TOP_UP_BY_FRANCE_TRAVAIL("abondement de France Travail"),
    TOP_UP_BY_REGION("abondement de la région"),
    TOP_UP_BY_OTHER("autre financeur");

    private final String label;

    TopUpFunder(String label) {
        this.label = label;
    }

    /** As the top-up's reason says it, in French. */
    public String label() {
        return label;
    }

    /**
     * Whether the employer pays, directly or through its OPCO: the co-payment is then not due
     * (D6323-1 A), and the platform knows it from the top-up itself.
     */
    public boolean isEmployers() {
        return this == TOP_UP_BY_EMPLOYER || this == TOP_UP_BY_OPCO;
    }
}
