package fr.bilan.quality.bilan;

/**
 * Told each time newer facts of a bilan are kept, in the intake's call: the surveys plan the "à chaud" one
 * at the hand-over of the synthèse, the follow-up is scheduled at the end of the action. A listener does
 * its own writes idempotently (a retried intake tells it again).
 */
public interface BilanFactsListener {

    /** Newer facts of a bilan were kept. */
    void recorded(BilanRecords.Recorded recorded);
}
