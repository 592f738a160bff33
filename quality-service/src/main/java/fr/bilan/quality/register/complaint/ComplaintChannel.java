package fr.bilan.quality.register.complaint;

/** How a complaint came in; named as the contract names them, and so stored. */
public enum ComplaintChannel {
    EMAIL,
    LETTER,
    PHONE,
    IN_PERSON,
    WEB_FORM,
    CPF_PLATFORM
}
