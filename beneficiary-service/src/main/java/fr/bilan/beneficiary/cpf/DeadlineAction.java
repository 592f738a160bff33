package fr.bilan.beneficiary.cpf;

/** What a deadline of a CPF dossier asks for, in French as its label says it. */
public enum DeadlineAction {
    ANSWER_REQUEST("Répondre à la demande (valider ou refuser)"),
    HOLDER_ACCEPTANCE("Acceptation de la proposition par le titulaire"),
    DECLARE_ENTRY("Déclarer l'entrée en formation"),
    DECLARE_EXIT("Déclarer la sortie de formation"),
    DECLARE_SERVICE_DONE("Déclarer le service fait"),
    SERVICE_DONE_VALIDATION("Validation du service fait par la Caisse des dépôts");

    private final String label;

    DeadlineAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
