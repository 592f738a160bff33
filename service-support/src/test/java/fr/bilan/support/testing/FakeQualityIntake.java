package fr.bilan.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import fr.bilan.proto.quality.internal.v1.BilanFacts;
import fr.bilan.proto.quality.internal.v1.BilanOutcome;
import fr.bilan.proto.quality.internal.v1.FactPhase;
import fr.bilan.proto.quality.internal.v1.FunderRef;
import fr.bilan.proto.quality.internal.v1.PhaseHours;
import fr.bilan.proto.quality.internal.v1.QualityIntakeServiceGrpc;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsResponse;
import fr.bilan.proto.quality.v1.FunderKind;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * quality-service's {@code QualityIntakeService} as session-service's bilan facts outbox sees it: keeps
 * the newest revision of each bilan's facts (an older or the same one is acknowledged with
 * {@code applied=false} and changes nothing), refuses the facts the real one refuses naming the field in
 * lowerCamelCase, checks the bearer token (signature, issuer, role platform-service) as the real one does
 * ({@link QualityIntakeContract}, run on both), and fails on demand: the next calls, or one
 * acknowledgement lost after the facts were kept. Either on a free loopback port of its own
 * ({@link #started}), or served beside other services ({@link #service}).
 */
public final class FakeQualityIntake {

    /** One RecordBilanFacts call received: what it carried, whether it was applied, how it was answered. */
    public record Call(RecordBilanFactsRequest request, boolean applied, Status.Code answer) {

        public String assessmentId() {
            return request.getFacts().getAssessmentId();
        }
    }

    /** The longest funder's name the real one takes (an employer's name in beneficiary-service). */
    private static final int FUNDER_NAME_MAX = 200;

    /** Its port, when {@link #started}. */
    public final int port = GrpcServiceTestSupport.freePort();
    private final ServerServiceDefinition definition;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, RecordBilanFactsRequest> kept = new ConcurrentHashMap<>();
    private final Set<String> callers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private final AtomicBoolean loseNextAcknowledgement = new AtomicBoolean();

    private FakeQualityIntake() {
        definition = PlatformCallers.withTokens(new QualityIntakeServiceGrpc.QualityIntakeServiceImplBase() {
            @Override
            public void recordBilanFacts(RecordBilanFactsRequest request,
                    StreamObserver<RecordBilanFactsResponse> response) {
                takeIn(request, response);
            }
        });
    }

    /** A fake listening on {@link #port} until the test JVM ends. */
    public static FakeQualityIntake started() {
        FakeQualityIntake fake = new FakeQualityIntake();
        FakeServers.serveUntilExit(fake.port, fake.definition);
        return fake;
    }

    /** A fake served by whoever serves {@link #service} (a service under test, beside its other stand-ins). */
    public static FakeQualityIntake unstarted() {
        return new FakeQualityIntake();
    }

    /** The service, with its own token check, to add to a server. */
    public BindableService service() {
        return () -> definition;
    }

    private void takeIn(RecordBilanFactsRequest request, StreamObserver<RecordBilanFactsResponse> response) {
        StatusRuntimeException failure = PlatformCallers.refusalOrNoted(callers);
        if (failure == null && failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failure = Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException();
        }
        if (failure == null) {
            failure = refusal(request);
        }
        if (failure != null) {
            record(new Call(request, false, failure.getStatus().getCode()));
            response.onError(failure);
            return;
        }
        boolean applied;
        synchronized (this) {
            RecordBilanFactsRequest before = kept.get(request.getFacts().getAssessmentId());
            applied = before == null || before.getRevision() < request.getRevision();
            if (applied) {
                kept.put(request.getFacts().getAssessmentId(), request);
            }
        }
        if (loseNextAcknowledgement.getAndSet(false)) {
            record(new Call(request, applied, Status.Code.UNAVAILABLE));
            response.onError(Status.UNAVAILABLE.withDescription("acknowledgement lost").asRuntimeException());
            return;
        }
        record(new Call(request, applied, Status.Code.OK));
        response.onNext(RecordBilanFactsResponse.newBuilder().setApplied(applied).build());
        response.onCompleted();
    }

    /** The request as the real service checks it ({@link #violations}); {@code null} when good. */
    private static StatusRuntimeException refusal(RecordBilanFactsRequest request) {
        try {
            violations(request).throwIfAny();
            return null;
        } catch (StatusRuntimeException e) {
            return e;
        }
    }

    /**
     * What the real service refuses in a request, by field as JSON spells it: the ids, the outcome, a
     * revision below 1, a phase not named, negative hours or sessions, a funder without its kind or name
     * or with a SIRET that is not 14 digits.
     */
    public static FieldViolations violations(RecordBilanFactsRequest request) {
        FieldViolations violations = new FieldViolations();
        if (!request.hasFacts()) {
            return violations.add("facts", "Ce champ est obligatoire.");
        }
        BilanFacts facts = request.getFacts();
        violations.requireText("facts.assessmentId", facts.getAssessmentId(), Lookups.MAX_ID_LENGTH);
        violations.requireText("facts.beneficiaryId", facts.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        violations.requireText("facts.centreId", facts.getCentreId(), Lookups.MAX_ID_LENGTH);
        if (facts.getOutcome() == BilanOutcome.BILAN_OUTCOME_UNSPECIFIED || facts.getOutcome() == BilanOutcome.UNRECOGNIZED) {
            violations.add("facts.outcome", "Indiquez où en est le bilan.");
        }
        for (int i = 0; i < facts.getPhasesCount(); i++) {
            PhaseHours hours = facts.getPhases(i);
            String field = "facts.phases[" + i + "].";
            if (hours.getPhase() == FactPhase.FACT_PHASE_UNSPECIFIED || hours.getPhase() == FactPhase.UNRECOGNIZED) {
                violations.add(field + "phase", "Indiquez la phase.");
            }
            notNegative(violations, field + "plannedMinutes", hours.getPlannedMinutes());
            notNegative(violations, field + "deliveredMinutes", hours.getDeliveredMinutes());
            notNegative(violations, field + "sessionsPlanned", hours.getSessionsPlanned());
            notNegative(violations, field + "sessionsAttended", hours.getSessionsAttended());
            notNegative(violations, field + "sessionsMissed", hours.getSessionsMissed());
        }
        if (facts.hasFunder()) {
            FunderRef funder = facts.getFunder();
            if (funder.getKind() == FunderKind.FUNDER_KIND_UNSPECIFIED || funder.getKind() == FunderKind.UNRECOGNIZED) {
                violations.add("facts.funder.kind", "Indiquez le type de financeur.");
            }
            violations.requireText("facts.funder.name", funder.getName(), FUNDER_NAME_MAX);
            if (!funder.getSiret().isEmpty() && !funder.getSiret().matches("\\d{14}")) {
                violations.add("facts.funder.siret", "Un SIRET compte 14 chiffres.");
            }
        }
        if (request.getRevision() < 1) {
            violations.add("revision", "La révision commence à 1.");
        }
        return violations;
    }

    private static void notNegative(FieldViolations violations, String field, int value) {
        if (value < 0) {
            violations.add(field, "Ce nombre ne peut pas être négatif.");
        }
    }


    private synchronized void record(Call call) {
        calls.add(call);
    }

    /** The next {@code count} calls fail with {@code UNAVAILABLE}, whatever they carry. */
    public void failNext(int count) {
        failuresToGo.set(count);
    }

    /** The next call that gets through is taken in, then fails as if the answer never came back. */
    public void loseNextAcknowledgement() {
        loseNextAcknowledgement.set(true);
    }

    /** No more failures on demand. */
    public void heal() {
        failuresToGo.set(0);
        loseNextAcknowledgement.set(false);
    }

    /** Every call received so far, in the order they came. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls about the bilan {@code assessmentId}, whatever their answer. */
    public synchronized List<Call> callsAbout(String assessmentId) {
        return calls.stream().filter(call -> call.assessmentId().equals(assessmentId)).toList();
    }

    /** The newest facts kept of {@code assessmentId}, with their revision. */
    public Optional<RecordBilanFactsRequest> kept(String assessmentId) {
        return Optional.ofNullable(kept.get(assessmentId));
    }

    /** The subjects of the tokens it took. */
    public Set<String> callers() {
        return Set.copyOf(callers);
    }
}
