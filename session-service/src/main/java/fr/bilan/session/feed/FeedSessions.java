package fr.bilan.session.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import fr.bilan.session.assessment.Assessment;
import fr.bilan.session.assessment.AssessmentRepository;
import fr.bilan.session.assessment.ScheduledSession;
import fr.bilan.session.booking.Hold;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.booking.Resource;
import fr.bilan.session.calendar.Slot;

/**
 * The sessions a feed shows: those of its owner that hold their slot within the window (from
 * {@code past} ago to {@code ahead}), and those cancelled lately, for calendars to remove. A
 * consultant's are the sessions they lead, found through their holds in the calendar and, for the
 * cancelled ones, the bilans they lead now; a beneficiary's are every session of their bilans.
 */
@Component
class FeedSessions {

    private final AssessmentRepository assessments;
    private final Reservations reservations;
    private final CalendarFeedProperties properties;

    FeedSessions(AssessmentRepository assessments, Reservations reservations, CalendarFeedProperties properties) {
        this.assessments = assessments;
        this.reservations = reservations;
        this.properties = properties;
    }

    List<FeedEvent> of(FeedOwner owner, Instant now) {
        Instant from = now.minus(properties.past());
        Instant to = now.plus(properties.ahead());
        List<Assessment> read = switch (owner.kind()) {
            case CONSULTANT -> assessments.ledByOrAmongWithSessionsFrom(owner.subject(),
                    reservations.held(Resource.consultant(owner.subject()), from, to).stream()
                            .map(Hold::assessmentId).distinct().toList(), from);
            case BENEFICIARY -> assessments.ofAccountWithSessionsFrom(owner.subject(), from);
        };
        Predicate<ScheduledSession> owned = owner.kind() == FeedOwner.Kind.CONSULTANT
                ? session -> session.consultantId().equals(owner.subject())
                : session -> true;
        Slot window = new Slot(from, properties.past().plus(properties.ahead()));
        Instant cancelledSince = now.minus(properties.cancelledShownFor());
        return read.stream()
                .flatMap(assessment -> assessment.sessions().stream()
                        .filter(owned)
                        .filter(session -> session.slot().overlaps(window))
                        .filter(session -> session.holdsSlot() || session.changeTime().isAfter(cancelledSince))
                        .map(session -> new FeedEvent(assessment, session)))
                .sorted(Comparator.comparing(event -> event.session().slot().start()))
                .toList();
    }
}
