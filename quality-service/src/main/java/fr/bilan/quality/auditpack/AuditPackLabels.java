package fr.bilan.quality.auditpack;

import java.util.Map;

import fr.bilan.quality.bilan.Outcome;

/**
 * The French words of the audit pack's states, for its CSV and for the PDF synthesis-service prints: one
 * wording, whichever the auditor reads. A state these do not know prints as its code.
 */
final class AuditPackLabels {

    private static final Map<Outcome, String> OUTCOMES = Map.of(
            Outcome.IN_PROGRESS, "En cours",
            Outcome.COMPLETED, "Terminé",
            Outcome.WITHDRAWN, "Arrêt anticipé",
            Outcome.ABANDONED, "Arrêt anticipé",
            Outcome.INTERRUPTED, "Arrêt anticipé");
    private static final Map<String, String> DROP_OUT_REASONS = Map.of(
            "WITHDRAWAL", "Retrait à la demande du bénéficiaire",
            "ABANDONMENT", "Le bénéficiaire ne s'est plus présenté",
            "FORCE_MAJEURE", "Force majeure");
    private static final Map<String, String> SURVEY_STATES = Map.of(
            "PLANNED", "Prévue",
            "SENT", "Envoyée, sans réponse",
            "PARTIALLY_ANSWERED", "Réponse commencée",
            "ANSWERED", "Répondue",
            "LAPSED", "Expirée sans réponse",
            "NOT_SENT", "Non envoyée");
    private static final Map<String, String> FOLLOW_UP_STATES = Map.of(
            "SCHEDULED", "Prévu",
            "OFFERED", "Proposé",
            "ACCEPTED", "Accepté",
            "BOOKED", "Séance réservée",
            "DECLINED", "Décliné",
            "HELD", "Tenu",
            "NOT_OFFERED", "Non proposé");
    private static final Map<String, String> SITUATIONS = Map.of(
            "IN_PROJECT", "Dans son projet",
            "IN_TRAINING", "En formation",
            "NEW_JOB", "Nouvel emploi",
            "STILL_SEARCHING", "Toujours en recherche",
            "OTHER", "Autre situation");

    private AuditPackLabels() {
    }

    static String outcome(Outcome outcome) {
        return OUTCOMES.get(outcome);
    }

    static String dropOutReason(String reason) {
        return DROP_OUT_REASONS.getOrDefault(reason, reason);
    }

    static String surveyState(String state) {
        return SURVEY_STATES.getOrDefault(state, state);
    }

    static String followUpState(String state) {
        return FOLLOW_UP_STATES.getOrDefault(state, state);
    }

    /** The situation at six months; empty when none was recorded. */
    static String situation(String situation) {
        return SITUATIONS.getOrDefault(situation, situation);
    }
}
