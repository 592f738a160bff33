package fr.bilan.quality.survey;

import java.util.Optional;

/**
 * Who a funder's survey goes to, read when its invitation or a reminder is handed over (the survey keeps
 * neither the name nor the address, so that a contact changed meanwhile receives the reminders).
 */
public interface FunderAddressees {

    /** The funder {@code funderId} of {@code centreId} and its contact; empty when it has none (or is unknown). */
    Optional<Addressee> of(String centreId, String funderId);

    /** The funder's name and its contact's, with their e-mail address. */
    record Addressee(String funderName, String contactName, String emailAddress) {
    }
}
