package fr.bilan.quality.followup;

/** The beneficiary's situation at the follow-up interview, as the published results count it. */
public enum Situation {
    IN_PROJECT,
    IN_TRAINING,
    NEW_JOB,
    STILL_SEARCHING,
    OTHER
}
