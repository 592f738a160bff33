package fr.bilan.session.assessment;

/** How an attendance sheet is signed: the evidence kept of the signature. */
public enum SignatureMethod {
    /** In the application, by the signer logged in. */
    IN_APP_SIGNATURE,
    /** On a paper sheet, scanned and kept by the centre. */
    PAPER_SHEET,
    /** An electronic signature service. */
    ELECTRONIC_SIGNATURE
}
