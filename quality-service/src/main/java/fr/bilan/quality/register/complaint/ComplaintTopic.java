package fr.bilan.quality.register.complaint;

/** What a complaint is about; named as the contract names them, and so stored. */
public enum ComplaintTopic {
    ACCOMPANIMENT,
    ORGANISATION,
    BILLING,
    DATA_PROTECTION,
    OTHER_TOPIC
}
