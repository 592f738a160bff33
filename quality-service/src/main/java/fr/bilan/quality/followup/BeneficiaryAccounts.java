package fr.bilan.quality.followup;

import java.util.Optional;

/** The login linked to a beneficiary, as beneficiary-service holds it: who reads their follow-up as them. */
public interface BeneficiaryAccounts {

    /** Their login; empty when none is linked, or the beneficiary is unknown (erased). */
    Optional<String> accountOf(String beneficiaryId);
}
