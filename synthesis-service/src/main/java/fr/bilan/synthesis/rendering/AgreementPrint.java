package fr.bilan.synthesis.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the tripartite agreement prints (R6313-8), as beneficiary-service holds it, and the employee's
 * name, which it sends apart. Texts are never {@code null}; a date or time is {@code null} when the
 * agreement has none (yet).
 *
 * @param centreId the centre whose identity heads the document, the provider
 * @param endTime  when it was refused or lapsed
 */
public record AgreementPrint(String id, String centreId, State state, String title, String objective, String content,
        String means, int durationHours, LocalDate periodStart, LocalDate periodEnd, String conductAndFollowUp,
        String resultsHandover, long priceCents, String paymentTerms, Employer employer, String employeeName,
        LocalDate receiveDate, LocalDate employeeDeadline, List<Signature> signatures, Instant endTime,
        Instant createTime, Instant updateTime) {

    public AgreementPrint {
        signatures = List.copyOf(signatures);
    }

    /** Where the agreement stands; {@code null} in a print for a state this service does not know. */
    public enum State {
        DRAFT, SENT, SIGNED_BY_EMPLOYEE, REFUSED, LAPSED, IN_FORCE
    }

    /** The three parties who sign. */
    public enum Party {
        EMPLOYEE, EMPLOYER, PROVIDER
    }

    /** How a signature was given. */
    public enum Method {
        SIGNED_FORM, E_SIGNATURE, IN_APP
    }

    /** The employer, who funds the bilan on their skills plan. */
    public record Employer(String name, String siret, String signatoryName) {
    }

    /**
     * A signature recorded.
     *
     * @param method   {@code null} when not stated
     * @param signTime {@code null} when not known
     */
    public record Signature(Party party, Method method, Instant signTime) {
    }
}
