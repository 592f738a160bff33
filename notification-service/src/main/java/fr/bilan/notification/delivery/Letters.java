package fr.bilan.notification.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.Subject;
import fr.bilan.notification.recipient.Reach;
import fr.bilan.notification.recipient.Recipients;
import fr.bilan.notification.template.Letter;
import fr.bilan.support.centre.CentreSettings;
import fr.bilan.support.centre.Centres;

/**
 * Everything a message's template needs, gathered when it is sent: the reader's name and address, the
 * consultant's name for a session, the centre's name and zone ({@code bilan.centres.*}), and the link
 * into the front-end where the reader acts on it (identifiers only, never a name nor any content).
 */
final class Letters {

    /** The zones of {@code bilan.centres.*.zone}, as session-service's CentreZone places them. */
    private final Centres centres;
    private final Recipients recipients;
    private final String applicationUrl;

    Letters(Centres centres, Recipients recipients, URI applicationUrl) {
        this.centres = centres;
        this.recipients = recipients;
        this.applicationUrl = applicationUrl.toString().replaceAll("/+$", "");
    }

    /**
     * @param staffNames the staff's names already read during this run of the dispatcher: a consultant is
     *                   looked up once a run, not once a message (10,000 convocations of one morning would
     *                   otherwise each ask the identity provider)
     */
    Letter letter(Notification message, Reach.Address to, Map<String, Optional<String>> staffNames) {
        return letter(message, to, staffNames, link(message.subject()));
    }

    /** The letter of {@code message} leading to {@code link}: a survey's own page, which only the fact carries. */
    Letter letter(Notification message, Reach.Address to, Map<String, Optional<String>> staffNames, URI link) {
        CentreSettings centre = centres.of(message.centreId());
        String consultantName = message.subject() instanceof Subject.Session session && session.consultantId() != null
                ? staffNames.computeIfAbsent(session.consultantId(), recipients::staffName).orElse(null) : null;
        return new Letter(message.kind(), message.subject(), to.greetingName(), to.email(), consultantName,
                to.beneficiaryName(), centre.name() == null ? "" : centre.name().strip(), centre.zoneId(), link);
    }

    /**
     * Where the reader acts on it: the session, the agreement to sign, the synthèse, the bilan's sessions
     * where a follow-up is booked, or the home page.
     */
    URI link(Subject subject) {
        String path = "/";
        if (subject instanceof Subject.Session session && session.assessmentId() != null) {
            path = "/assessments/" + encode(session.assessmentId()) + "/sessions/" + encode(session.sessionId());
        } else if (subject instanceof Subject.Agreement agreement) {
            path = "/fundings/" + encode(agreement.fundingId()) + "/agreement";
        } else if (subject instanceof Subject.Synthesis synthesis) {
            path = "/assessments/" + encode(synthesis.assessmentId()) + "/synthesis";
        } else if (subject instanceof Subject.FollowUp followUp) {
            path = "/assessments/" + encode(followUp.assessmentId()) + "/sessions";
        }
        return URI.create(applicationUrl + path);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
