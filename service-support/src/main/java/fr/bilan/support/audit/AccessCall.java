package fr.bilan.support.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.bilan.support.security.Caller;
import io.grpc.Context;

/**
 * The RPC an access happens in: the operation access records name (derived from the RPC,
 * {@link AccessOperations}), and the data the call set out to reach, so that a refusal can be
 * recorded against the person whose data it was. One per call, made by {@link AccessCalls}.
 */
final class AccessCall {

    static final Context.Key<AccessCall> KEY = Context.key("bilan.access-call");

    /** An attempt at someone's data, by whom. */
    record Attempt(Caller caller, AccessedData data) {
    }

    private final String operation;
    private final List<Attempt> attempts = new ArrayList<>();
    private boolean refusalRecorded;

    AccessCall(String operation) {
        this.operation = operation;
    }

    /** The call running on this thread; empty outside a gRPC call. */
    static Optional<AccessCall> current() {
        return Optional.ofNullable(KEY.get());
    }

    String operation() {
        return operation;
    }

    synchronized void attempting(Caller caller, AccessedData data) {
        attempts.add(new Attempt(caller, data));
    }

    /** What a refusal of this call must record: the attempts, the first time it is asked only. */
    synchronized List<Attempt> refusedAttempts() {
        if (refusalRecorded) {
            return List.of();
        }
        refusalRecorded = true;
        return List.copyOf(attempts);
    }
}
