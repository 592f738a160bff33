package fr.bilan.quality.followup;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import fr.bilan.quality.bilan.BilanFactsListener;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;

/**
 * A bilan's follow-up from its facts: made when its action ends (scheduled for the due date when it was
 * completed, not offered after a drop-out), kept in step with newer facts (its consultant, its FOLLOW_UP
 * session booked, moved or cancelled), forgotten with the bilan's process evidence. Told again the same facts,
 * it changes nothing.
 */
@Service
public class FollowUpPlanning implements BilanFactsListener {

    private final FollowUps followUps;
    private final Clock clock;

    FollowUpPlanning(FollowUps followUps, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public void recorded(BilanRecords.Recorded recorded) {
        BilanRecord bilan = recorded.current();
        if (!bilan.outcome().ended()) {
            return;
        }
        // a concurrent intake of the same end may insert first: then it is a change like any other
        Instant now = clock.instant();
        if (followUps.byId(bilan.assessmentId()).isEmpty() && followUps.insert(FollowUp.of(bilan, now))) {
            return;
        }
        FollowUpChanges.apply(followUps, bilan.assessmentId(), kept -> kept.retold(bilan, now));
    }

    /** Forgets the follow-up of a bilan whose process evidence is destroyed (the purge); whether it had one. */
    public boolean eraseAssessment(String assessmentId) {
        return followUps.erase(assessmentId);
    }
}
