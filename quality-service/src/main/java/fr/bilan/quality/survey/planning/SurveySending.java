package fr.bilan.quality.survey.planning;

import java.time.Instant;
import java.util.Optional;

import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.Surveys;
import fr.bilan.quality.survey.link.SurveyLinks;

/**
 * Sends a planned survey: its link made (a new salt, the token's hash kept), its state SENT and its
 * invitation armed for notification-service in one write. A survey sent meanwhile (by another replica, a
 * retried intake) is left as it is.
 */
final class SurveySending {

    private final Surveys surveys;
    private final SurveyLinks links;
    private final SurveyProperties properties;

    SurveySending(Surveys surveys, SurveyLinks links, SurveyProperties properties) {
        this.surveys = surveys;
        this.links = links;
        this.properties = properties;
    }

    Optional<Survey> send(Survey planned, Instant now) {
        String salt = SurveyLinks.newSalt();
        String hash = SurveyLinks.hash(links.token(planned.id(), salt));
        return surveys.updateAndNotify(planned.sent(now, properties.lapseAfter(), salt, hash), 0, now);
    }
}
