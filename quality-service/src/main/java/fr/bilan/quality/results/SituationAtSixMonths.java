package fr.bilan.quality.results;

/**
 * The situations at six months the follow-up interview records (FollowUpService's names), with the French
 * label the results show (in the JSON, the CSV and the public page).
 */
public enum SituationAtSixMonths {
    IN_PROJECT("Projet en cours de réalisation"),
    IN_TRAINING("En formation"),
    NEW_JOB("Dans un nouvel emploi"),
    STILL_SEARCHING("Toujours en recherche"),
    OTHER("Autre situation");

    private final String label;

    SituationAtSixMonths(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
