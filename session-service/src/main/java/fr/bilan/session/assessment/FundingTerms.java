package fr.bilan.session.assessment;

import java.time.Instant;

import fr.bilan.session.beneficiary.BeneficiaryDirectory.FundingRef;

/**
 * How a bilan is paid for, as its funding stood when the bilan moved to « financement accordé »: what
 * quality-service counts the results by channel with, surveys the funders of a year with, and dates the
 * tripartite agreement with in the audit pack.
 *
 * @param kind              the funding's type: CPF, EMPLOYER_PLAN, REDEPLOYMENT_LEAVE, JOB_SEEKER,
 *                          PUBLIC_SECTOR or SELF_FUNDED
 * @param funder            who pays; {@code null} when the beneficiary does (self-funded)
 * @param agreementSignTime when its tripartite agreement came into force (its last signature);
 *                          {@code null} when it needs none or none is in force
 */
public record FundingTerms(String kind, Funder funder, Instant agreementSignTime) {

    /** The Caisse des Dépôts as the CPF's funder is usually named. */
    static final String CAISSE_DES_DEPOTS = "Caisse des Dépôts (Mon Compte Formation)";

    /** The kinds of funder a bilan's funding names. */
    public enum FunderKind {
        EMPLOYER, FRANCE_TRAVAIL, APEC, CAP_EMPLOI, PUBLIC_ADMINISTRATION, CAISSE_DES_DEPOTS
    }

    /**
     * Who pays for a bilan.
     *
     * @param name  the employer's company name, the administration's, or the body's usual name
     * @param siret the employer's SIRET; empty for the others
     */
    public record Funder(FunderKind kind, String name, String siret) {
    }

    /**
     * The terms of {@code funding}, its agreement in force since {@code agreementSignTime} ({@code null}
     * when none is): employer plan and redeployment leave are paid by the employer, a job seeker's bilan
     * by the body that approved it, a public agent's by their administration, the CPF by the Caisse des
     * Dépôts, a self-funded one by nobody else.
     */
    static FundingTerms of(FundingRef funding, Instant agreementSignTime) {
        Funder funder = switch (funding.kind()) {
            case "EMPLOYER_PLAN", "REDEPLOYMENT_LEAVE" ->
                new Funder(FunderKind.EMPLOYER, funding.payerName(), funding.employerSiret().orElse(""));
            case "JOB_SEEKER" -> switch (funding.approver()) {
                case "FRANCE_TRAVAIL" -> new Funder(FunderKind.FRANCE_TRAVAIL, "France Travail", "");
                case "APEC" -> new Funder(FunderKind.APEC, "Apec", "");
                case "CAP_EMPLOI" -> new Funder(FunderKind.CAP_EMPLOI, "Cap emploi", "");
                // beneficiary-service requires the approver: a funding without one names nobody to survey
                default -> null;
            };
            case "PUBLIC_SECTOR" -> new Funder(FunderKind.PUBLIC_ADMINISTRATION, funding.payerName(), "");
            case "CPF" -> new Funder(FunderKind.CAISSE_DES_DEPOTS, CAISSE_DES_DEPOTS, "");
            // self-funded: the beneficiary pays, no funder to survey
            default -> null;
        };
        return new FundingTerms(funding.kind(), funder, agreementSignTime);
    }
}
