package fr.bilan.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;

import fr.bilan.proto.notification.internal.v1.NotificationEvent;
import fr.bilan.proto.notification.internal.v1.NotificationIntakeServiceGrpc;
import fr.bilan.proto.notification.internal.v1.RecordEventsRequest;
import fr.bilan.proto.notification.internal.v1.RecordEventsResponse;
import fr.bilan.proto.notification.internal.v1.SessionPhase;
import fr.bilan.proto.notification.internal.v1.SurveyKind;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * notification-service's intake as the producers' outbox relays see it, on a free loopback port:
 * takes facts in once per event id, refuses whole the batches the real one refuses (a fact without
 * its identifiers, times, place or calendar UID, naming the field), checks the bearer
 * token (signature, issuer, role platform-service) as the real one does
 * ({@link NotificationIntakeContract}, run on both), and fails on demand: the next calls, one
 * acknowledgement lost after the facts were taken in, or every call left unanswered (a service that
 * hangs) until {@link #heal}. {@link #whileTakingIn} lets a test change things at the producer while a
 * fact is in flight, before it is answered.
 */
public final class FakeNotificationIntake {

    /** The most facts a call may carry, as the proto says. */
    public static final int MAX_EVENTS = 500;
    /** The longest event id the real intake keeps. */
    public static final int MAX_EVENT_ID_LENGTH = 4 * Lookups.MAX_ID_LENGTH;
    /** The longest calendar UID, room or link it keeps. */
    private static final int MAX_TEXT = 2_048;
    /** One bare address, as the real intake takes a funder's contact (it checks it strictly, RFC 822). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\".]+(\\.[^@\\s<>,;\".]+)+");

    /** One call received: its facts, how many were new, how it was answered. */
    public record Call(List<NotificationEvent> events, int recordedCount, Status.Code answer) {
    }

    public final int port = GrpcServiceTestSupport.freePort();
    private final Server server;
    private final List<Call> calls = new ArrayList<>();
    private final List<NotificationEvent> takenIn = new ArrayList<>();
    private final Set<String> takenInIds = new HashSet<>();
    private final Set<String> callers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final AtomicBoolean loseNextAcknowledgement = new AtomicBoolean();
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final List<StreamObserver<RecordEventsResponse>> unanswered = new ArrayList<>();
    private final Map<String, Runnable> meanwhile = new ConcurrentHashMap<>();

    private FakeNotificationIntake() {
        var service = new NotificationIntakeServiceGrpc.NotificationIntakeServiceImplBase() {
            @Override
            public void recordEvents(RecordEventsRequest request, StreamObserver<RecordEventsResponse> response) {
                takeIn(request.getEventsList(), response);
            }
        };
        server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .addService(PlatformCallers.withTokens(service))
                .build();
    }

    /** A fake listening until the test JVM ends. */
    public static FakeNotificationIntake started() {
        FakeNotificationIntake fake = new FakeNotificationIntake();
        try {
            fake.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake.server::shutdownNow));
        return fake;
    }

    private void takeIn(List<NotificationEvent> events, StreamObserver<RecordEventsResponse> response) {
        if (hanging.get()) {
            synchronized (this) {
                unanswered.add(response);
                calls.add(new Call(events, 0, Status.Code.DEADLINE_EXCEEDED));
            }
            return;
        }
        StatusRuntimeException failure = PlatformCallers.refusalOrNoted(callers);
        if (failure == null && failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failure = Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException();
        }
        if (failure == null) {
            // the real service's own checks: a producer's fact it would never take in must fail the
            // producer's own tests, not only the end-to-end ones (NotificationIntakeContract)
            failure = refusal(events);
        }
        if (failure != null) {
            record(new Call(events, 0, failure.getStatus().getCode()));
            response.onError(failure);
            return;
        }
        // outside the lock: the hook may call the producer, whose relay may call here again
        events.forEach(event -> {
            Runnable hook = meanwhile.remove(event.getEventId());
            if (hook != null) {
                hook.run();
            }
        });
        int recorded = 0;
        synchronized (this) {
            for (NotificationEvent event : events) {
                if (takenInIds.add(event.getEventId())) {
                    takenIn.add(event);
                    recorded++;
                }
            }
        }
        if (loseNextAcknowledgement.getAndSet(false)) {
            record(new Call(events, recorded, Status.Code.UNAVAILABLE));
            response.onError(Status.UNAVAILABLE.withDescription("acknowledgement lost").asRuntimeException());
            return;
        }
        record(new Call(events, recorded, Status.Code.OK));
        response.onNext(RecordEventsResponse.newBuilder().setRecordedCount(recorded).build());
        response.onCompleted();
    }

    /** The batch as the real service checks it, before taking any of it in; {@code null} when good. */
    private static StatusRuntimeException refusal(List<NotificationEvent> events) {
        FieldViolations violations = new FieldViolations();
        if (events.isEmpty()) {
            violations.add("events", "Indiquez au moins un fait.");
        } else if (events.size() > MAX_EVENTS) {
            violations.add("events", "Au plus " + MAX_EVENTS + " faits par appel.");
        } else {
            for (int i = 0; i < events.size(); i++) {
                check(events.get(i), "events[" + i + "].", violations);
            }
        }
        try {
            violations.throwIfAny();
            return null;
        } catch (StatusRuntimeException e) {
            return e;
        }
    }

    /** One fact, field by field, as the real intake checks it (its fact ids, times, place and sequence). */
    private static void check(NotificationEvent event, String prefix, FieldViolations violations) {
        violations.requireText(prefix + "event_id", event.getEventId(), MAX_EVENT_ID_LENGTH);
        required(violations, prefix + "occur_time", event.hasOccurTime());
        switch (event.getFactCase()) {
            case SESSION_SCHEDULED -> {
                var f = event.getSessionScheduled();
                String p = prefix + "session_scheduled.";
                ids(violations, p, "assessment_id", f.getAssessmentId(), "session_id", f.getSessionId(),
                        "beneficiary_id", f.getBeneficiaryId(), "centre_id", f.getCentreId(), "consultant_id",
                        f.getConsultantId());
                session(violations, p, f.getPhase(), f.hasStartTime(), f.getStartTime(), f.hasEndTime(), f.getEndTime(),
                        f.getSequence(), f.getCalendarUid());
                if (f.getRoom().isEmpty() == f.getVideoLink().isEmpty()) {
                    violations.add(p + (f.getRoom().isEmpty() ? "room" : "video_link"),
                            "Une séance a lieu dans une salle ou par visioconférence : indiquez l'un des deux.");
                }
            }
            case SESSION_CANCELLED -> {
                var f = event.getSessionCancelled();
                String p = prefix + "session_cancelled.";
                ids(violations, p, "assessment_id", f.getAssessmentId(), "session_id", f.getSessionId(),
                        "beneficiary_id", f.getBeneficiaryId(), "centre_id", f.getCentreId(), "consultant_id",
                        f.getConsultantId());
                session(violations, p, f.getPhase(), f.hasStartTime(), f.getStartTime(), f.hasEndTime(), f.getEndTime(),
                        f.getSequence(), f.getCalendarUid());
            }
            case SESSION_SETTLED -> {
                var f = event.getSessionSettled();
                ids(violations, prefix + "session_settled.", "assessment_id", f.getAssessmentId(), "session_id",
                        f.getSessionId(), "centre_id", f.getCentreId());
            }
            case AGREEMENT_AWAITING_SIGNATURE -> {
                var f = event.getAgreementAwaitingSignature();
                String p = prefix + "agreement_awaiting_signature.";
                ids(violations, p, "funding_id", f.getFundingId(), "beneficiary_id", f.getBeneficiaryId(), "centre_id",
                        f.getCentreId());
                required(violations, p + "employee_deadline_date", f.hasEmployeeDeadlineDate());
            }
            case AGREEMENT_SETTLED -> {
                var f = event.getAgreementSettled();
                ids(violations, prefix + "agreement_settled.", "funding_id", f.getFundingId(), "beneficiary_id",
                        f.getBeneficiaryId(), "centre_id", f.getCentreId());
            }
            case SYNTHESIS_AVAILABLE -> {
                var f = event.getSynthesisAvailable();
                ids(violations, prefix + "synthesis_available.", "assessment_id", f.getAssessmentId(), "beneficiary_id",
                        f.getBeneficiaryId(), "centre_id", f.getCentreId());
            }
            case ASSESSMENT_ENDED -> {
                var f = event.getAssessmentEnded();
                ids(violations, prefix + "assessment_ended.", "assessment_id", f.getAssessmentId(), "beneficiary_id",
                        f.getBeneficiaryId(), "centre_id", f.getCentreId());
            }
            case SURVEY_INVITATION -> {
                var f = event.getSurveyInvitation();
                String p = prefix + "survey_invitation.";
                ids(violations, p, "survey_id", f.getSurveyId(), "assessment_id", f.getAssessmentId(),
                        "beneficiary_id", f.getBeneficiaryId(), "centre_id", f.getCentreId());
                if (f.getKind() == SurveyKind.SURVEY_KIND_UNSPECIFIED || f.getKind() == SurveyKind.UNRECOGNIZED) {
                    violations.add(p + "kind", "Indiquez le type d'enquête.");
                }
                if (f.getReminder() < 0) {
                    violations.add(p + "reminder", "Le numéro de relance ne peut pas être négatif.");
                }
                violations.requireText(p + "link_url", f.getLinkUrl(), MAX_TEXT);
                required(violations, p + "expire_time", f.hasExpireTime());
            }
            case FUNDER_SURVEY_INVITATION -> {
                var f = event.getFunderSurveyInvitation();
                String p = prefix + "funder_survey_invitation.";
                ids(violations, p, "survey_id", f.getSurveyId(), "centre_id", f.getCentreId());
                violations.requireText(p + "funder_name", f.getFunderName(), MAX_TEXT)
                        .requireText(p + "contact_name", f.getContactName(), MAX_TEXT);
                if (!EMAIL.matcher(f.getEmailAddress()).matches()) {
                    violations.add(p + "email_address", "Adresse e-mail invalide.");
                }
                if (f.getYear() <= 0) {
                    violations.add(p + "year", "Indiquez l'année de l'enquête.");
                }
                if (f.getReminder() < 0) {
                    violations.add(p + "reminder", "Le numéro de relance ne peut pas être négatif.");
                }
                violations.requireText(p + "link_url", f.getLinkUrl(), MAX_TEXT);
                required(violations, p + "expire_time", f.hasExpireTime());
            }
            case FOLLOW_UP_ACCEPTED -> {
                var f = event.getFollowUpAccepted();
                String p = prefix + "follow_up_accepted.";
                ids(violations, p, "assessment_id", f.getAssessmentId(), "beneficiary_id", f.getBeneficiaryId(),
                        "centre_id", f.getCentreId(), "consultant_id", f.getConsultantId());
                required(violations, p + "due_date", f.hasDueDate());
            }
            case FACT_NOT_SET -> violations.add(prefix + "fact", "Indiquez le fait.");
        }
    }

    private static void session(FieldViolations violations, String p, SessionPhase phase, boolean hasStart,
            Timestamp start, boolean hasEnd, Timestamp end, int sequence, String calendarUid) {
        if (phase == SessionPhase.SESSION_PHASE_UNSPECIFIED || phase == SessionPhase.UNRECOGNIZED) {
            violations.add(p + "phase", "Indiquez la phase.");
        }
        required(violations, p + "start_time", hasStart);
        required(violations, p + "end_time", hasEnd);
        if (hasStart && hasEnd && Timestamps.compare(end, start) <= 0) {
            violations.add(p + "end_time", "La fin de la séance doit suivre son début.");
        }
        if (sequence < 0) {
            violations.add(p + "sequence", "La séquence ne peut pas être négative.");
        }
        violations.requireText(p + "calendar_uid", calendarUid, MAX_TEXT);
    }

    private static void required(FieldViolations violations, String field, boolean present) {
        if (!present) {
            violations.add(field, "Ce champ est obligatoire.");
        }
    }

    /** Each pair (name, value) is a required identifier. */
    private static void ids(FieldViolations violations, String prefix, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            violations.requireText(prefix + namesAndValues[i], namesAndValues[i + 1], Lookups.MAX_ID_LENGTH);
        }
    }


    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** The next {@code count} calls fail with {@code UNAVAILABLE}, whatever they carry. */
    public void failNext(int count) {
        failuresToGo.set(count);
    }

    /** The next call that gets through takes its facts in, then fails as if the answer never came back. */
    public void loseNextAcknowledgement() {
        loseNextAcknowledgement.set(true);
    }

    /** Every call from now on is left unanswered, as by a service that hangs: its caller's deadline ends it. */
    public void hang() {
        hanging.set(true);
    }

    /**
     * When a call that gets through carries the fact {@code eventId}, {@code meanwhile} runs once before
     * the fact is taken in and the call answered: what happens at the producer while its relay waits.
     */
    public void whileTakingIn(String eventId, Runnable meanwhile) {
        this.meanwhile.put(eventId, meanwhile);
    }

    /** No more failures on demand: every pending one is dropped, calls left hanging are failed. */
    public void heal() {
        failuresToGo.set(0);
        loseNextAcknowledgement.set(false);
        hanging.set(false);
        List<StreamObserver<RecordEventsResponse>> waiting;
        synchronized (this) {
            waiting = List.copyOf(unanswered);
            unanswered.clear();
        }
        waiting.forEach(response -> {
            try {
                response.onError(Status.UNAVAILABLE.withDescription("back from hanging").asRuntimeException());
            } catch (IllegalStateException alreadyCancelled) {
                // the caller's deadline ended the call first
            }
        });
    }

    /** Every call received so far, in the order they came. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The facts taken in (each once), in the order they were, about {@code subjectId} ({@link #subjectOf}). */
    public synchronized List<NotificationEvent> takenInAbout(String subjectId) {
        return takenIn.stream().filter(event -> subjectOf(event).equals(subjectId)).toList();
    }

    /** How many calls carried a fact about {@code subjectId}, whatever their answer. */
    public synchronized long callsAbout(String subjectId) {
        return calls.stream().filter(call -> call.events().stream().anyMatch(event -> subjectOf(event).equals(subjectId)))
                .count();
    }

    public synchronized boolean hasTakenIn(String eventId) {
        return takenInIds.contains(eventId);
    }

    public Set<String> callers() {
        return Set.copyOf(callers);
    }

    /** The bilan (or, for an agreement, the funding; for a funder's survey, the survey) a fact is about. */
    public static String subjectOf(NotificationEvent event) {
        return switch (event.getFactCase()) {
            case SESSION_SCHEDULED -> event.getSessionScheduled().getAssessmentId();
            case SESSION_CANCELLED -> event.getSessionCancelled().getAssessmentId();
            case SESSION_SETTLED -> event.getSessionSettled().getAssessmentId();
            case AGREEMENT_AWAITING_SIGNATURE -> event.getAgreementAwaitingSignature().getFundingId();
            case AGREEMENT_SETTLED -> event.getAgreementSettled().getFundingId();
            case SYNTHESIS_AVAILABLE -> event.getSynthesisAvailable().getAssessmentId();
            case ASSESSMENT_ENDED -> event.getAssessmentEnded().getAssessmentId();
            case SURVEY_INVITATION -> event.getSurveyInvitation().getAssessmentId();
            // a funder's survey is about no bilan: the survey itself
            case FUNDER_SURVEY_INVITATION -> event.getFunderSurveyInvitation().getSurveyId();
            case FOLLOW_UP_ACCEPTED -> event.getFollowUpAccepted().getAssessmentId();
            case FACT_NOT_SET -> "";
        };
    }
}
