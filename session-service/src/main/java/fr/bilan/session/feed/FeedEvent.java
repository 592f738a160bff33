package fr.bilan.session.feed;

import fr.bilan.session.assessment.Assessment;
import fr.bilan.session.assessment.ScheduledSession;

/** One session a feed shows, with the bilan it belongs to. */
record FeedEvent(Assessment assessment, ScheduledSession session) {
}
