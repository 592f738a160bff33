package fr.bilan.beneficiary.agreement;

import java.time.LocalDate;

import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.Texts;
import fr.bilan.beneficiary.Violations;

/**
 * What a tripartite agreement must state (R6313-8): title, objective, content, means, duration and
 * period, how it runs and is followed up, how results and synthèse are handed over, price and
 * payment. A draft may lack some; an agreement sent to the employee has them all.
 *
 * @param durationHours   0 when not given
 * @param periodStartDate {@code null} when not given
 * @param periodEndDate   {@code null} when not given
 * @param priceCents      0 when not given
 */
public record AgreementMentions(String title, String objective, String content, String means, int durationHours,
        LocalDate periodStartDate, LocalDate periodEndDate, String conductAndFollowUp, String resultsHandover,
        long priceCents, String paymentTerms) {

    /** A bilan has at most 24 hours of accompaniment (L6313-4). */
    public static final int MAX_HOURS = 24;
    static final String REQUIRED = "Mention obligatoire de la convention (R6313-8).";
    private static final int MAX_TITLE_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 4000;
    private static final String PREFIX = "agreement.";

    public AgreementMentions {
        title = Texts.strip(title);
        objective = Texts.strip(objective);
        content = Texts.strip(content);
        means = Texts.strip(means);
        conductAndFollowUp = Texts.strip(conductAndFollowUp);
        resultsHandover = Texts.strip(resultsHandover);
        paymentTerms = Texts.strip(paymentTerms);
    }

    /**
     * The mentions of a draft: what is given must make sense (lengths, at most 24 hours, a period
     * that ends after it starts, the funding's price), what is missing may come later. A price of 0
     * takes the funding's.
     */
    AgreementMentions checkDraft(long fundingPriceCents) {
        Violations violations = new Violations();
        checkLength(violations, "title", title, MAX_TITLE_LENGTH);
        checkLength(violations, "objective", objective, MAX_TEXT_LENGTH);
        checkLength(violations, "content", content, MAX_TEXT_LENGTH);
        checkLength(violations, "means", means, MAX_TEXT_LENGTH);
        checkLength(violations, "conduct_and_follow_up", conductAndFollowUp, MAX_TEXT_LENGTH);
        checkLength(violations, "results_handover", resultsHandover, MAX_TEXT_LENGTH);
        checkLength(violations, "payment_terms", paymentTerms, MAX_TEXT_LENGTH);
        if (durationHours < 0 || durationHours > MAX_HOURS) {
            violations.add(PREFIX + "duration_hours", "Un bilan de compétences compte " + MAX_HOURS
                    + " heures d'accompagnement au plus (article L6313-4).");
        }
        if (periodStartDate != null && periodEndDate != null && periodEndDate.isBefore(periodStartDate)) {
            violations.add(PREFIX + "period_end_date", "La période de réalisation finit avant de commencer ("
                    + France.date(periodStartDate) + " – " + France.date(periodEndDate) + ").");
        }
        if (priceCents != 0 && priceCents != fundingPriceCents) {
            violations.add(PREFIX + "price_cents", "Le prix de la convention est celui du financement ("
                    + France.euros(fundingPriceCents) + ") ; laissez-le vide pour le reprendre.");
        }
        violations.throwIfAny();
        return priceCents != 0 ? this : new AgreementMentions(title, objective, content, means, durationHours,
                periodStartDate, periodEndDate, conductAndFollowUp, resultsHandover, fundingPriceCents, paymentTerms);
    }

    /** Adds a violation for each mention R6313-8 requires that is missing. */
    void checkComplete(Violations violations) {
        requireMention(violations, "title", !title.isEmpty());
        requireMention(violations, "objective", !objective.isEmpty());
        requireMention(violations, "content", !content.isEmpty());
        requireMention(violations, "means", !means.isEmpty());
        if (durationHours < 1 || durationHours > MAX_HOURS) {
            violations.add(PREFIX + "duration_hours", REQUIRED + " Indiquez la durée : de 1 à " + MAX_HOURS
                    + " heures d'accompagnement (article L6313-4).");
        }
        requireMention(violations, "period_start_date", periodStartDate != null);
        requireMention(violations, "period_end_date", periodEndDate != null);
        requireMention(violations, "conduct_and_follow_up", !conductAndFollowUp.isEmpty());
        requireMention(violations, "results_handover", !resultsHandover.isEmpty());
        requireMention(violations, "price_cents", priceCents > 0);
        requireMention(violations, "payment_terms", !paymentTerms.isEmpty());
    }

    private static void requireMention(Violations violations, String field, boolean present) {
        if (!present) {
            violations.add(PREFIX + field, REQUIRED);
        }
    }

    private static void checkLength(Violations violations, String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            violations.add(PREFIX + field, "Ce champ ne doit pas dépasser " + maxLength + " caractères.");
        }
    }
}
