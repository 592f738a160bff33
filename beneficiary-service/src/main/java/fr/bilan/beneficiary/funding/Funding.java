package fr.bilan.beneficiary.funding;

import java.time.Instant;
import java.util.Optional;

import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.NotFound;

/**
 * How one bilan request is paid for, as stored.
 *
 * @param centreId   the beneficiary's centre, for the access log
 * @param cancelTime {@code null} while the funding is open
 */
public record Funding(String id, String beneficiaryId, String centreId, long priceCents, FundingDetails details,
        Instant createTime, Instant cancelTime, long version) {

    public FundingType type() {
        return details.type();
    }

    public boolean isCancelled() {
        return cancelTime != null;
    }

    /**
     * Where the funding stands, derived rather than stored: a funding that needs a tripartite
     * agreement follows it, as the agreement stands now. Nothing is written to the funding when its
     * agreement changes, so there is no second write to lose: without transactions, a crash between
     * writing the agreement and writing the funding would leave the two disagreeing for good.
     *
     * @param agreement the state of its agreement, empty when none was drafted
     */
    public FundingState state(Optional<AgreementState> agreement) {
        if (isCancelled()) {
            return FundingState.CANCELLED;
        }
        if (!details.needsAgreement()) {
            return FundingState.CONFIRMED;
        }
        AgreementState state = agreement.orElse(AgreementState.DRAFT);
        if (state == AgreementState.IN_FORCE) {
            return FundingState.CONFIRMED;
        }
        return state == AgreementState.REFUSED || state == AgreementState.LAPSED ? FundingState.AGREEMENT_FAILED
                : FundingState.AWAITING_AGREEMENT;
    }

    /** This funding, for the access log. */
    public AccessedData accessed() {
        return AccessedData.of("fundings", id, beneficiaryId, centreId);
    }

    /** No funding has this id. */
    public static NotFound notFound(String id) {
        return new NotFound("Aucun financement n'a l'identifiant « " + id + " ».");
    }

    /** The beneficiary has an open funding already ({@code open}, when still there): one per bilan request. */
    public static AlreadyExists oneOpenPerBeneficiary(Optional<String> open) {
        return new AlreadyExists("Ce bénéficiaire a déjà un financement en cours"
                + open.map(id -> " (« " + id + " »)").orElse("")
                + " : un seul financement par demande de bilan. Annulez-le avant d'en enregistrer un autre.");
    }
}
