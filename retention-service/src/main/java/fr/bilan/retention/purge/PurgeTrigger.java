package fr.bilan.retention.purge;

/** What started a purge run (stored by name). */
public enum PurgeTrigger {
    /** The schedule ({@code bilan.retention.purge.cron}). */
    SCHEDULE,
    /** A network administrator. */
    ON_DEMAND
}
