package fr.bilan.beneficiary.agreement;

import java.util.List;

import fr.bilan.beneficiary.UpdateMask;

/**
 * A change to a draft: the mentions named by the update mask take their new values, the others
 * keep theirs. Parties, funding, dates of sending and signatures are not the caller's to change.
 */
public record AgreementUpdate(AgreementMentions requested, List<String> paths) {

    static final List<String> CHANGEABLE = List.of("title", "objective", "content", "means", "duration_hours",
            "period_start_date", "period_end_date", "conduct_and_follow_up", "results_handover", "price_cents",
            "payment_terms");

    /** Throws {@code InvalidFields} for an empty mask or a path that names no mention. */
    public AgreementUpdate {
        paths = UpdateMask.check(paths, CHANGEABLE);
    }

    public AgreementMentions applyTo(AgreementMentions current) {
        return new AgreementMentions(
                pick("title", requested.title(), current.title()),
                pick("objective", requested.objective(), current.objective()),
                pick("content", requested.content(), current.content()),
                pick("means", requested.means(), current.means()),
                pick("duration_hours", requested.durationHours(), current.durationHours()),
                pick("period_start_date", requested.periodStartDate(), current.periodStartDate()),
                pick("period_end_date", requested.periodEndDate(), current.periodEndDate()),
                pick("conduct_and_follow_up", requested.conductAndFollowUp(), current.conductAndFollowUp()),
                pick("results_handover", requested.resultsHandover(), current.resultsHandover()),
                pick("price_cents", requested.priceCents(), current.priceCents()),
                pick("payment_terms", requested.paymentTerms(), current.paymentTerms()));
    }

    private <T> T pick(String path, T requestedValue, T currentValue) {
        return paths.contains(path) ? requestedValue : currentValue;
    }
}
