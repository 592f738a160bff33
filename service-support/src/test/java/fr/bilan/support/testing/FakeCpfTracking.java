package fr.bilan.support.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import fr.bilan.proto.beneficiary.internal.v1.BilanOutcome;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesResponse;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service's {@code CpfTrackingService} as session-service's outbox relay and
 * notification-service's digest see it: takes a bilan's progress in once per event id (a redelivery
 * is acknowledged, not counted again), answers {@code recorded=false} for the fundings a test says
 * are not CPF ones ({@link #notCpf}), refuses the requests the real one refuses naming the field,
 * checks the bearer token (signature, issuer, role platform-service) as the real one does
 * ({@link CpfTrackingContract}, run on both), lists the due deadlines a test sets ({@link #due}),
 * in pages as small as a test wants ({@link #pagesOfAtMost}, so that a reader's paging is exercised),
 * and fails on demand: the next calls, one acknowledgement lost after the progress was taken in, or
 * every progress call left unanswered (a service that hangs) until {@link #heal}. Either on a free
 * loopback port of its own ({@link #started}), or served beside other services ({@link #service}).
 */
public final class FakeCpfTracking {

    /** The longest event id the real service keeps: an identifier's. */
    public static final int MAX_EVENT_ID_LENGTH = Lookups.MAX_ID_LENGTH;
    /** What ListDueCpfDeadlines gives a page when not asked (the contract's), and at most. */
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 2_000;

    /** One RecordBilanProgress call received: what it carried, whether it was new, how it was answered. */
    public record Call(RecordBilanProgressRequest request, boolean firstDelivery, Status.Code answer) {

        public String eventId() {
            return request.getEventId();
        }
    }

    /** Its port, when {@link #started}. */
    public final int port = GrpcServiceTestSupport.freePort();
    private final ServerServiceDefinition definition;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, RecordBilanProgressRequest> takenIn = new LinkedHashMap<>();
    private final Set<String> notCpf = ConcurrentHashMap.newKeySet();
    private final List<DueCpfDossier> due = new ArrayList<>();
    private final List<ListDueCpfDeadlinesRequest> listCalls = new ArrayList<>();
    private volatile int largestPage = MAX_PAGE_SIZE;
    private final Set<String> callers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final AtomicBoolean loseNextAcknowledgement = new AtomicBoolean();
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final List<StreamObserver<RecordBilanProgressResponse>> unanswered = new ArrayList<>();

    private FakeCpfTracking() {
        definition = PlatformCallers.withTokens(new CpfTrackingServiceGrpc.CpfTrackingServiceImplBase() {
            @Override
            public void recordBilanProgress(RecordBilanProgressRequest request,
                    StreamObserver<RecordBilanProgressResponse> response) {
                takeIn(request, response);
            }

            @Override
            public void listDueCpfDeadlines(ListDueCpfDeadlinesRequest request,
                    StreamObserver<ListDueCpfDeadlinesResponse> response) {
                list(request, response);
            }
        });
    }

    /** A fake listening on {@link #port} until the test JVM ends. */
    public static FakeCpfTracking started() {
        FakeCpfTracking fake = new FakeCpfTracking();
        FakeServers.serveUntilExit(fake.port, fake.definition);
        return fake;
    }

    /** A fake served by whoever serves {@link #service} (such as a service under test, beside its other stand-ins). */
    public static FakeCpfTracking unstarted() {
        return new FakeCpfTracking();
    }

    /** The service, with its own token check, to add to a server. */
    public BindableService service() {
        return () -> definition;
    }

    private void takeIn(RecordBilanProgressRequest request, StreamObserver<RecordBilanProgressResponse> response) {
        if (hanging.get()) {
            synchronized (this) {
                unanswered.add(response);
                calls.add(new Call(request, false, Status.Code.DEADLINE_EXCEEDED));
            }
            return;
        }
        StatusRuntimeException failure = PlatformCallers.refusalOrNoted(callers);
        if (failure == null && failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failure = Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException();
        }
        if (failure == null) {
            // the real service's own checks: progress it would never take must fail the producer's own tests
            failure = refusal(request);
        }
        if (failure != null) {
            record(new Call(request, false, failure.getStatus().getCode()));
            response.onError(failure);
            return;
        }
        boolean first;
        synchronized (this) {
            first = takenIn.putIfAbsent(request.getEventId(), request) == null;
        }
        if (loseNextAcknowledgement.getAndSet(false)) {
            record(new Call(request, first, Status.Code.UNAVAILABLE));
            response.onError(Status.UNAVAILABLE.withDescription("acknowledgement lost").asRuntimeException());
            return;
        }
        record(new Call(request, first, Status.Code.OK));
        response.onNext(RecordBilanProgressResponse.newBuilder()
                .setRecorded(!notCpf.contains(request.getFundingId())).build());
        response.onCompleted();
    }

    /** The request as the real service checks it; {@code null} when good. */
    private static StatusRuntimeException refusal(RecordBilanProgressRequest request) {
        FieldViolations violations = new FieldViolations();
        violations.requireText("event_id", request.getEventId(), MAX_EVENT_ID_LENGTH);
        violations.requireText("assessment_id", request.getAssessmentId(), Lookups.MAX_ID_LENGTH);
        violations.requireText("funding_id", request.getFundingId(), Lookups.MAX_ID_LENGTH);
        switch (request.getProgressCase()) {
            case STARTED -> required(violations, "started.first_session_date",
                    request.getStarted().hasFirstSessionDate());
            case ENDED -> {
                var ended = request.getEnded();
                required(violations, "ended.end_date", ended.hasEndDate());
                if (ended.getOutcome() == BilanOutcome.BILAN_OUTCOME_UNSPECIFIED
                        || ended.getOutcome() == BilanOutcome.UNRECOGNIZED) {
                    violations.add("ended.outcome", "Indiquez comment le bilan s'est terminé.");
                }
                required(violations, "ended.delivered", ended.hasDelivered());
                if (ended.getDelivered().getSeconds() < 0) {
                    violations.add("ended.delivered", "Les heures réalisées ne peuvent pas être négatives.");
                }
                if (ended.getAbsences() < 0) {
                    violations.add("ended.absences", "Le nombre d'absences ne peut pas être négatif.");
                }
            }
            case PROGRESS_NOT_SET -> violations.add("progress", "Indiquez le début ou la fin du bilan.");
        }
        return failureOf(violations);
    }

    private void list(ListDueCpfDeadlinesRequest request, StreamObserver<ListDueCpfDeadlinesResponse> response) {
        synchronized (this) {
            listCalls.add(request);
        }
        StatusRuntimeException failure = PlatformCallers.refusalOrNoted(callers);
        if (failure == null && failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failure = Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException();
        }
        if (failure == null) {
            FieldViolations violations = new FieldViolations();
            required(violations, "through_date", request.hasThroughDate());
            if (request.getPageSize() < 0) {
                violations.add("page_size", "La taille de page ne peut pas être négative.");
            }
            if (!request.getPageToken().isEmpty() && !request.getPageToken().matches("\\d{1,9}")) {
                violations.add("page_token", "Ce jeton de page n'est pas valide : reprenez la liste depuis le début.");
            }
            failure = failureOf(violations);
        }
        if (failure != null) {
            response.onError(failure);
            return;
        }
        LocalDate through = day(request.getThroughDate());
        List<DueCpfDossier> matching;
        synchronized (this) {
            matching = due.stream()
                    .filter(dossier -> request.getCentreId().isEmpty() || dossier.getCentreId().equals(request.getCentreId()))
                    .filter(dossier -> !day(dossier.getDeadline().getDueDate()).isAfter(through))
                    .sorted(Comparator.comparing((DueCpfDossier dossier) -> day(dossier.getDeadline().getDueDate()))
                            .thenComparing(DueCpfDossier::getDossierId))
                    .toList();
        }
        // "at most" page_size: a page may hold fewer, as the real one's may
        int size = Math.min(request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : Math.min(request.getPageSize(), MAX_PAGE_SIZE),
                largestPage);
        int from = request.getPageToken().isEmpty() ? 0 : Math.min(Integer.parseInt(request.getPageToken()), matching.size());
        int to = Math.min(matching.size(), from + size);
        response.onNext(ListDueCpfDeadlinesResponse.newBuilder().addAllDossiers(matching.subList(from, to))
                .setNextPageToken(to < matching.size() ? String.valueOf(to) : "").build());
        response.onCompleted();
    }

    private static LocalDate day(com.google.type.Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    private static void required(FieldViolations violations, String field, boolean present) {
        if (!present) {
            violations.add(field, "Ce champ est obligatoire.");
        }
    }

    private static StatusRuntimeException failureOf(FieldViolations violations) {
        try {
            violations.throwIfAny();
            return null;
        } catch (StatusRuntimeException e) {
            return e;
        }
    }


    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** The funding {@code fundingId} is not a CPF one: its progress is acknowledged with {@code recorded=false}. */
    public void notCpf(String fundingId) {
        notCpf.add(fundingId);
    }

    /** ListDueCpfDeadlines answers from these too (it filters, sorts and pages them as the real one). */
    public synchronized void due(DueCpfDossier... dossiers) {
        due.addAll(List.of(dossiers));
    }

    /** The next {@code count} calls (of either RPC) fail with {@code UNAVAILABLE}, whatever they carry. */
    public void failNext(int count) {
        failuresToGo.set(count);
    }

    /**
     * ListDueCpfDeadlines answers pages of at most {@code size} dossiers, whatever page size is asked
     * (the contract's {@code page_size} is a maximum), until the JVM ends: not undone by {@link #heal}.
     */
    public void pagesOfAtMost(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one dossier: " + size);
        }
        largestPage = size;
    }

    /** The next call that gets through takes its progress in, then fails as if the answer never came back. */
    public void loseNextAcknowledgement() {
        loseNextAcknowledgement.set(true);
    }

    /** Every RecordBilanProgress call from now on is left unanswered, as by a service that hangs. */
    public void hang() {
        hanging.set(true);
    }

    /** No more failures on demand: every pending one is dropped, calls left hanging are failed. */
    public void heal() {
        failuresToGo.set(0);
        loseNextAcknowledgement.set(false);
        hanging.set(false);
        List<StreamObserver<RecordBilanProgressResponse>> waiting;
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

    /** Every RecordBilanProgress call received so far, in the order they came. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every ListDueCpfDeadlines request received so far, in the order they came, whatever their answer. */
    public synchronized List<ListDueCpfDeadlinesRequest> listCalls() {
        return List.copyOf(listCalls);
    }

    /** The calls about the bilan {@code assessmentId}, whatever their answer. */
    public synchronized List<Call> callsAbout(String assessmentId) {
        return calls.stream().filter(call -> call.request().getAssessmentId().equals(assessmentId)).toList();
    }

    /** The progress taken in (each event once) about the bilan {@code assessmentId}, in the order it was. */
    public synchronized List<RecordBilanProgressRequest> takenInAbout(String assessmentId) {
        return takenIn.values().stream().filter(request -> request.getAssessmentId().equals(assessmentId)).toList();
    }

    public synchronized boolean hasTakenIn(String eventId) {
        return takenIn.containsKey(eventId);
    }

    public Set<String> callers() {
        return Set.copyOf(callers);
    }
}
