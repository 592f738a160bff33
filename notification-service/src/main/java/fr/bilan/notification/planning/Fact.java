package fr.bilan.notification.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import fr.bilan.notification.message.SessionPhase;
import fr.bilan.notification.message.Subject;

/** A fact a producer reports, from which messages are planned or withdrawn (the contract's {@code fact}). */
public sealed interface Fact {

    /** The centre whose settings (zone, reminder hour) apply. */
    String centreId();

    /** A session booked, moved or given to another consultant, as it now stands. */
    record SessionScheduled(String beneficiaryId, String centreId, Subject.Session session) implements Fact {

        public SessionScheduled {
            Objects.requireNonNull(beneficiaryId);
            Objects.requireNonNull(centreId);
            Objects.requireNonNull(session);
        }
    }

    /**
     * A session cancelled; its place is not part of the fact, so a cancellation of a session never heard of
     * carries none.
     */
    record SessionCancelled(String assessmentId, String sessionId, String beneficiaryId, String centreId,
            String consultantId, SessionPhase phase, Instant start,
            Instant end, int sequence, String calendarUid) implements Fact {

        public SessionCancelled {
            Objects.requireNonNull(assessmentId);
            Objects.requireNonNull(sessionId);
            Objects.requireNonNull(beneficiaryId);
            Objects.requireNonNull(centreId);
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
        }
    }

    /** A session signed by both, or missed: nothing more asks for it. */
    record SessionSettled(String assessmentId, String sessionId, String centreId) implements Fact {
    }

    /** An agreement's draft received by the employee, to sign by {@code deadline} (its last day). */
    record AgreementAwaitingSignature(String fundingId, String beneficiaryId, String centreId, LocalDate deadline)
            implements Fact {

        public AgreementAwaitingSignature {
            Objects.requireNonNull(deadline);
        }
    }

    /** An agreement signed, refused or lapsed. */
    record AgreementSettled(String fundingId, String beneficiaryId, String centreId) implements Fact {
    }

    /** A final synthèse the beneficiary may download. */
    record SynthesisAvailable(String assessmentId, String beneficiaryId, String centreId) implements Fact {
    }

    /**
     * A satisfaction survey's invitation or reminder, to send at once with its secret link, which is kept
     * nowhere (not even in what this record prints).
     */
    record SurveyInvitation(String beneficiaryId, String centreId, Subject.Survey survey, String linkUrl)
            implements Fact {

        public SurveyInvitation {
            Objects.requireNonNull(beneficiaryId);
            Objects.requireNonNull(centreId);
            Objects.requireNonNull(survey);
            Objects.requireNonNull(linkUrl);
        }

        @Override
        public String toString() {
            return "SurveyInvitation[" + survey + "]";
        }
    }

    /**
     * A funder's yearly survey's invitation or reminder, to send at once to the contact it names, with its
     * secret link: neither the link nor the contact's name and address are kept (not even in what this
     * record prints).
     *
     * @param contactName  how the contact is greeted
     * @param emailAddress where it goes, checked as an address when the fact was taken
     */
    record FunderSurveyInvitation(String centreId, Subject.FunderSurvey survey, String contactName,
            String emailAddress, String linkUrl) implements Fact {

        public FunderSurveyInvitation {
            Objects.requireNonNull(centreId);
            Objects.requireNonNull(survey);
            Objects.requireNonNull(contactName);
            Objects.requireNonNull(emailAddress);
            Objects.requireNonNull(linkUrl);
        }

        @Override
        public String toString() {
            return "FunderSurveyInvitation[" + survey + "]";
        }
    }

    /** A follow-up interview the beneficiary accepted: their consultant is told at once, to book it. */
    record FollowUpAccepted(String centreId, String consultantId, Subject.FollowUp followUp) implements Fact {

        public FollowUpAccepted {
            Objects.requireNonNull(centreId);
            Objects.requireNonNull(consultantId);
            Objects.requireNonNull(followUp);
        }
    }

    /** A bilan whose action ended: its reminders stop. */
    record AssessmentEnded(String assessmentId, String beneficiaryId, String centreId) implements Fact {
    }
}
