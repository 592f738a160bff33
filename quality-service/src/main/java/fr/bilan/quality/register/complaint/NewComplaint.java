package fr.bilan.quality.register.complaint;

import java.time.LocalDate;

import fr.bilan.quality.register.RegisterFields;

/**
 * A complaint as a manager records it, not yet checked: {@code null} (or empty) where nothing was given.
 *
 * @param assessmentId the bilan it concerns, or empty
 */
public record NewComplaint(String centreId, ComplainantKind complainant, ComplaintChannel channel, ComplaintTopic topic,
        String summary, String assessmentId, LocalDate receivedDate) {

    public NewComplaint {
        summary = RegisterFields.stripped(summary);
        assessmentId = RegisterFields.stripped(assessmentId);
    }
}
