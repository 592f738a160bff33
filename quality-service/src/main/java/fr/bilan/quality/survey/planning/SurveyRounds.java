package fr.bilan.quality.survey.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.SurveyKind;
import fr.bilan.quality.survey.Surveys;

/**
 * One round of the surveys' clock: the links past their time lapse, the reminders due go (each after its
 * delay since the invitation, one at a time, never once the link lapsed), and the invitations due are sent.
 * Every change is a write under the version read, so a round run twice, or on two replicas despite the
 * lock, changes each survey once.
 */
final class SurveyRounds {

    /** What a round did. */
    record Round(int lapsed, int reminded, int sent, int notSent) {
    }

    private static final Logger log = LoggerFactory.getLogger(SurveyRounds.class);

    private final Surveys surveys;
    private final SurveySending sending;
    private final BilanRecords bilans;
    private final SurveyProperties properties;
    private final Clock clock;

    SurveyRounds(Surveys surveys, SurveySending sending, BilanRecords bilans, SurveyProperties properties,
            Clock clock) {
        this.surveys = surveys;
        this.sending = sending;
        this.bilans = bilans;
        this.properties = properties;
        this.clock = clock;
    }

    Round run() {
        Instant now = clock.instant();
        int lapsed = 0;
        for (Survey survey : surveys.expired(now, properties.batchSize())) {
            lapsed += surveys.update(survey.lapsed()).isPresent() ? 1 : 0;
        }
        int reminded = 0;
        List<Duration> delays = properties.reminders();
        for (int number = 1; number <= delays.size(); number++) {
            Duration sinceLast = number == 1 ? Duration.ZERO : delays.get(number - 1).minus(delays.get(number - 2));
            for (Survey survey : surveys.dueReminders(now.minus(delays.get(number - 1)), number, properties.batchSize())) {
                boolean due = survey.reminderTimes().size() == number - 1 && survey.openAt(now)
                        && (number == 1 || !survey.reminderTimes().get(number - 2).plus(sinceLast).isAfter(now));
                if (due && surveys.updateAndNotify(survey.reminded(now), number, now).isPresent()) {
                    reminded++;
                }
            }
        }
        int sent = 0;
        int notSent = 0;
        for (Survey survey : surveys.dueInvitations(now, properties.batchSize())) {
            if (stillCalledFor(survey)) {
                sent += sending.send(survey, now).isPresent() ? 1 : 0;
            } else {
                notSent += surveys.update(survey.notSent()).isPresent() ? 1 : 0;
            }
        }
        Round round = new Round(lapsed, reminded, sent, notSent);
        if (lapsed + reminded + sent + notSent > 0) {
            log.info("Surveys: {} sent, {} reminded, {} lapsed, {} not sent", sent, reminded, lapsed, notSent);
        }
        return round;
    }

    /**
     * Whether the bilan's facts still call for the survey: kept, and completed for the "à froid" one. A
     * funder's survey is planned only to be sent at once: one left planned by a crash is still called for.
     */
    private boolean stillCalledFor(Survey survey) {
        if (survey.kind() == SurveyKind.FUNDER_YEARLY) {
            return true;
        }
        return bilans.byId(survey.assessmentId())
                .map(bilan -> !bilan.outcome().dropOut()
                        && (survey.kind() != SurveyKind.FOLLOW_UP || bilan.outcome() == Outcome.COMPLETED))
                .orElse(false);
    }
}
