package fr.bilan.retention.rules;

/**
 * What a document of a bilan is, as the rules file names it: the contract's {@code DocumentKind}
 * less its unspecified value (the edge maps one to the other by name).
 */
public enum DocumentKind {
    /** The document de synthèse. */
    SYNTHESIS_DOCUMENT,
    /** A working document of the bilan (notes, exercises). */
    WORKING_DOCUMENT,
    /** The result of a test or questionnaire taken during the bilan. */
    TEST_RESULT,
    /** The detailed results handed to the beneficiary (L6313-4). */
    DETAILED_RESULTS,
    /** The tripartite agreement (R6313-8): process evidence. */
    AGREEMENT,
    /** An attendance sheet (émargement): process evidence. */
    ATTENDANCE,
    /** Other process evidence without content (hours, hand-over date, satisfaction answers). */
    PROCESS_EVIDENCE
}
