package fr.bilan.session.assessment;

/** What the beneficiary did on their own between sessions; a kind, never a text (it would be content). */
public enum PersonalWorkKind {
    /** Documentary research: reading about trades, sectors, training. */
    DOCUMENTARY_RESEARCH,
    /** A survey of professionals: meeting people who do the job (enquête métier). */
    PROFESSIONAL_SURVEY,
    /** Any other work the beneficiary did alone for the bilan. */
    OTHER_PERSONAL_WORK
}
