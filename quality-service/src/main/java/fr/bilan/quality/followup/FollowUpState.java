package fr.bilan.quality.followup;

/** Where a follow-up interview stands, from its scheduling at the end of the action to its outcome. */
public enum FollowUpState {
    /** Due later: its date has not come. */
    SCHEDULED,
    /** Offered to the beneficiary, no answer yet. */
    OFFERED,
    /** Accepted: to book as a follow-up session. */
    ACCEPTED,
    /** Declined by the beneficiary. */
    DECLINED,
    /** Held, its outcome recorded. */
    HELD,
    /** Not offered: the bilan ended without being completed (a drop-out). */
    NOT_OFFERED,
    /** Booked: a FOLLOW_UP session of the bilan is planned in session-service; accepted again if it is cancelled. */
    BOOKED
}
