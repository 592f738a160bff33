package fr.bilan.notification.event;

import java.time.Instant;

import fr.bilan.notification.planning.RecordedFact;

/** The facts taken, once each by their event id: a redelivered one is recognised and changes nothing. */
public interface RecordedFacts {

    boolean known(String eventId);

    /** Notes that the fact was taken (planned); {@code false} when it was already. */
    boolean record(RecordedFact fact, String assessmentId, Instant now);

    /** Forgets the facts of a bilan (its process evidence is destroyed); how many. */
    long eraseAssessment(String assessmentId);
}
