package fr.bilan.beneficiary.cpf;

/** Where a CPF dossier stands, as Mon Compte Formation names it on the provider's side. */
public enum CpfState {
    NOT_PROCESSED("à traiter", false),
    VALIDATED("validé", false),
    ACCEPTED("accepté", false),
    IN_TRAINING("en formation", false),
    TERMINATED("sortie de formation", false),
    SERVICE_DONE_DECLARED("service fait déclaré", false),
    SERVICE_DONE_VALIDATED("service fait validé", true),
    REFUSED_BY_HOLDER("refusé par le titulaire", true),
    REFUSED_BY_CENTRE("refusé par l'organisme", true),
    REFUSED_BY_FINANCER("refusé par le financeur", true),
    CANCELLED_BY_HOLDER("annulé par le titulaire", true),
    CANCELLED_BY_CENTRE("annulé par l'organisme", true),
    CANCELLED_BY_FINANCER("annulé par le financeur", true),
    HOLDER_ABSENT("titulaire absent", true);

    private final String label;
    private final boolean terminal;

    CpfState(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    /** As the CPF platform shows it, in French. */
    public String label() {
        return label;
    }

    /** Whether nothing follows: paid, refused, cancelled or a no-show. */
    public boolean isFinal() {
        return terminal;
    }
}
