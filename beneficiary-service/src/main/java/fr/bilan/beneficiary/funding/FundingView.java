package fr.bilan.beneficiary.funding;

import java.util.Optional;

/**
 * A funding as it reads now, with what is derived when read (never stored).
 *
 * @param agreementId           its tripartite agreement, if one was drafted
 * @param state                 where it stands, following its agreement as it stands now
 * @param hrMayReceiveSynthesis whether HR may receive the synthèse (public sector only)
 */
public record FundingView(Funding funding, Optional<String> agreementId, FundingState state,
        boolean hrMayReceiveSynthesis) {
}
