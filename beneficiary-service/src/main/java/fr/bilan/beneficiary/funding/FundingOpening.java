package fr.bilan.beneficiary.funding;

/**
 * What opens with a funding, such as the CPF dossier of a CPF funding. Called after each create,
 * the retries of the same request included, so that a retry completes what a failure right after
 * the funding's write left undone: it must be idempotent.
 */
public interface FundingOpening {

    /** @param openedBy who recorded the funding */
    void opened(Funding funding, String openedBy);
}
