package fr.bilan.retention.rules;

/**
 * What a document of a bilan is, as far as its retention goes (R6313-7). The retention proto will
 * name its kinds the same.
 */
public enum DocumentKind {
    /** Notes and working documents of the consultant and the beneficiary, interview notes. */
    WORKING_DOCUMENT,
    TEST_RESULT,
    DETAILED_RESULTS,
    /** The document de synthèse. */
    SYNTHESIS_DOCUMENT,
    /** The convention signed for the action. */
    AGREEMENT,
    /** Attendance sheets (émargement) and hours. */
    ATTENDANCE,
    /** Other evidence that the action took place (hand-over date, satisfaction answers): no content. */
    PROCESS_EVIDENCE
}
