package fr.bilan.quality.results;

/** Counts of the cohort of a period: the bilans ended within it, their surveys and their follow-ups. */
public interface Cohorts {

    /** The counts of {@code centreId}'s cohort, or the network's when it is empty. */
    CohortCounts count(String centreId, Period period);
}
