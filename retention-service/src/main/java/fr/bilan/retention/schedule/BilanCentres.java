package fr.bilan.retention.schedule;

/**
 * session-service's answer to "may the caller read this bilan", asked with the caller's own token:
 * its centre when it may; otherwise session-service's refusal, as it came (its French text included).
 */
public interface BilanCentres {

    /** The centre of the bilan, read in session-service as the caller. */
    String readAsCaller(String assessmentId);
}
