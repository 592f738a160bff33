package fr.bilan.notification.message;

/** The kinds of message the platform sends; the contract's {@code NotificationKind}, name for name. */
public enum NotificationKind {
    CONVOCATION(false),
    SESSION_CHANGED(false),
    SESSION_CANCELLED(false),
    SESSION_REMINDER(true),
    AGREEMENT_AWAITING_SIGNATURE(false),
    AGREEMENT_SIGNATURE_REMINDER(true),
    SYNTHESIS_AVAILABLE(false),
    STAFF_DIGEST(false),
    SURVEY_INVITATION(false),
    SURVEY_REMINDER(true),
    FUNDER_SURVEY_INVITATION(false),
    // a funder's contact has no account, nor any choice to turn reminders off
    FUNDER_SURVEY_REMINDER(false),
    FOLLOW_UP_ACCEPTED(false);

    private final boolean reminder;

    NotificationKind(boolean reminder) {
        this.reminder = reminder;
    }

    /**
     * Whether it is a reminder, which a beneficiary may turn off; the others (convocations, changes,
     * the agreement's deadline, the synthèse) are notices the bilan needs and are always sent.
     */
    public boolean reminder() {
        return reminder;
    }
}
