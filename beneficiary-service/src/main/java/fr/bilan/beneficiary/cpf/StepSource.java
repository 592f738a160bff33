package fr.bilan.beneficiary.cpf;

/** Who recorded a step: staff from the dossier, or a connector to the CPF platform. */
public enum StepSource {
    STAFF,
    CONNECTOR
}
