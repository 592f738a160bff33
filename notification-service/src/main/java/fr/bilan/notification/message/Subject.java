package fr.bilan.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a message is about, with what its template needs of it: identifiers, times and places, never a
 * person's name, an address or any bilan content (the recipient is resolved when it is sent); a funder's
 * survey names the funder, an organisation, as its record must.
 */
public sealed interface Subject {

    /** What it is about, as the messages about the same thing are found: {@code session:<bilan>/<session>}… */
    String reference();

    /**
     * A session, as it stood when the message was planned.
     *
     * @param room        the centre's room, {@code null} for a remote session
     * @param videoLink   the video link, {@code null} on site
     * @param sequence    its iCalendar SEQUENCE
     * @param calendarUid the UID of its event in the calendar feed
     */
    record Session(String assessmentId, String sessionId, String consultantId, SessionPhase phase, Instant start,
            Instant end, String room, String videoLink, int sequence, String calendarUid) implements Subject {

        public Session {
            Objects.requireNonNull(sessionId);
            Objects.requireNonNull(phase);
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
            Objects.requireNonNull(calendarUid);
            if ((room == null) == (videoLink == null)) {
                throw new IllegalArgumentException("a session takes place in a room or by video, one of them");
            }
        }

        public boolean remote() {
            return videoLink != null;
        }

        @Override
        public String reference() {
            return reference(assessmentId, sessionId);
        }

        public static String reference(String assessmentId, String sessionId) {
            return "session:" + assessmentId + "/" + sessionId;
        }
    }

    /** An agreement awaiting the employee's signature until {@code deadline} (the last day to sign). */
    record Agreement(String fundingId, LocalDate deadline) implements Subject {

        public Agreement {
            Objects.requireNonNull(fundingId);
            Objects.requireNonNull(deadline);
        }

        @Override
        public String reference() {
            return reference(fundingId);
        }

        public static String reference(String fundingId) {
            return "agreement:" + fundingId;
        }
    }

    /** A bilan's final synthèse, ready to download. */
    record Synthesis(String assessmentId) implements Subject {

        public Synthesis {
            Objects.requireNonNull(assessmentId);
        }

        @Override
        public String reference() {
            return "synthesis:" + assessmentId;
        }
    }

    /**
     * A satisfaction survey's invitation or reminder: never its link, the credential that opens it, which
     * only the message sent carries.
     *
     * @param followUp   the "à froid" survey, with the follow-up interview's offer (else the "à chaud" one)
     * @param reminder   0 for the invitation, then the reminder's number
     * @param expireTime when its link lapses
     */
    record Survey(String surveyId, String assessmentId, boolean followUp, int reminder, Instant expireTime)
            implements Subject {

        public Survey {
            Objects.requireNonNull(surveyId);
            Objects.requireNonNull(assessmentId);
            Objects.requireNonNull(expireTime);
        }

        @Override
        public String reference() {
            return "survey:" + surveyId;
        }
    }

    /**
     * A funder's yearly satisfaction survey's invitation or reminder: never its link nor its contact,
     * which only the message sent carries.
     *
     * @param funderName the funder (company, administration, OPCO) as the message names it
     * @param year       the year the survey asks about
     * @param reminder   0 for the invitation, then the reminder's number
     * @param expireTime when its link lapses
     */
    record FunderSurvey(String surveyId, String funderName, int year, int reminder, Instant expireTime)
            implements Subject {

        public FunderSurvey {
            Objects.requireNonNull(surveyId);
            Objects.requireNonNull(funderName);
            Objects.requireNonNull(expireTime);
        }

        @Override
        public String reference() {
            return "survey:" + surveyId;
        }
    }

    /**
     * A follow-up interview the beneficiary accepted, which their consultant is asked to book: the
     * beneficiary's name is read when the message is sent, never kept.
     *
     * @param dueDate the day the follow-up was due
     */
    record FollowUp(String assessmentId, String beneficiaryId, LocalDate dueDate) implements Subject {

        public FollowUp {
            Objects.requireNonNull(assessmentId);
            Objects.requireNonNull(beneficiaryId);
            Objects.requireNonNull(dueDate);
        }

        @Override
        public String reference() {
            return "follow-up:" + assessmentId;
        }
    }

    /**
     * A staff member's digest of {@code day}: what needs them.
     *
     * @param cpfDeadlines the CPF dossiers with a deadline of the centre overdue or due by the next working day
     * @param cpfUnread    beneficiary-service could not be asked for them: the digest says so
     */
    record Digest(LocalDate day, List<DigestItem> items, List<CpfDeadlineItem> cpfDeadlines, boolean cpfUnread)
            implements Subject {

        public Digest {
            Objects.requireNonNull(day);
            items = List.copyOf(items);
            cpfDeadlines = List.copyOf(cpfDeadlines);
        }

        /** A digest without CPF lines, and the CPF deadlines read. */
        public Digest(LocalDate day, List<DigestItem> items) {
            this(day, items, List.of(), false);
        }

        /** Its lines, the CPF dossiers included. */
        public int count() {
            return items.size() + cpfDeadlines.size();
        }

        @Override
        public String reference() {
            return "digest:" + day;
        }
    }

    /**
     * One line of a digest.
     *
     * @param kind         what needs doing
     * @param reference    the bilan or the funding it is about (an id, never the beneficiary's name)
     * @param time         the session's start, or the agreement's last day at midnight in the centre's zone
     */
    record DigestItem(DigestItemKind kind, String reference, Instant time) {

        public DigestItem {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(time);
        }
    }

    /**
     * A CPF dossier whose deadline of the centre is overdue or near: identifiers and the CPF platform's own
     * words only, never the beneficiary's name.
     *
     * @param dossierId     the dossier in beneficiary-service, for the link to it
     * @param dossierNumber its number on Mon Compte Formation
     * @param label         what is due, in French, as beneficiary-service writes it
     * @param dueDate       the last working day to act, in the centre's calendar
     */
    record CpfDeadlineItem(String dossierId, String dossierNumber, CpfDossierState state, String label,
            LocalDate dueDate) {

        public CpfDeadlineItem {
            Objects.requireNonNull(dossierId);
            Objects.requireNonNull(dossierNumber);
            Objects.requireNonNull(state);
            Objects.requireNonNull(label);
            Objects.requireNonNull(dueDate);
        }
    }

    /** What a digest line asks. */
    enum DigestItemKind {
        /** A session held whose attendance sheet is not signed by both. */
        SESSION_TO_SIGN,
        /** An agreement the employee has not signed and which lapses within two days. */
        AGREEMENT_ABOUT_TO_LAPSE
    }
}
