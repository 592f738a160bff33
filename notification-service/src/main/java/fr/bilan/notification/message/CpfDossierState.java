package fr.bilan.notification.message;

/** Where a CPF dossier stands, as the CPF platform names it on the provider's side. */
public enum CpfDossierState {
    NOT_PROCESSED("à traiter"),
    VALIDATED("validé"),
    ACCEPTED("accepté"),
    IN_TRAINING("en formation"),
    TERMINATED("sortie de formation"),
    SERVICE_DONE_DECLARED("service fait déclaré"),
    SERVICE_DONE_VALIDATED("service fait validé"),
    REFUSED_BY_HOLDER("refusé par le titulaire"),
    REFUSED_BY_CENTRE("refusé par l'organisme"),
    REFUSED_BY_FINANCER("refusé par le financeur"),
    CANCELLED_BY_HOLDER("annulé par le titulaire"),
    CANCELLED_BY_CENTRE("annulé par l'organisme"),
    CANCELLED_BY_FINANCER("annulé par le financeur"),
    HOLDER_ABSENT("titulaire absent"),
    /** A state beneficiary-service knows and this service does not yet: the line is still shown. */
    UNKNOWN("état non reconnu");

    private final String frenchName;

    CpfDossierState(String frenchName) {
        this.frenchName = frenchName;
    }

    public String frenchName() {
        return frenchName;
    }
}
