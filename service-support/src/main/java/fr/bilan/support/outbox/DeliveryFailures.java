package fr.bilan.support.outbox;

import java.util.EnumSet;
import java.util.Set;

import io.grpc.Status;

/**
 * What a failed delivery means for the relay, by its gRPC code: whether it concerns the entry
 * itself (the other entries may still go) or stops the run (the receiver or the way to it is at
 * fault), and whether retrying alone will heal it.
 */
final class DeliveryFailures {

    /** Refusals of the entry itself. */
    private static final Set<Status.Code> ENTRY_REFUSALS = EnumSet.of(Status.Code.INVALID_ARGUMENT,
            Status.Code.FAILED_PRECONDITION, Status.Code.OUT_OF_RANGE, Status.Code.NOT_FOUND, Status.Code.ALREADY_EXISTS);
    /** The entry refusals, and the caller's own faults: its identity, its rights, the contract. */
    private static final Set<Status.Code> PERMANENT = permanent();

    private DeliveryFailures() {
    }

    /** The receiver refused this entry: the run goes on with the others. */
    static boolean refusesTheEntry(Status.Code code) {
        return ENTRY_REFUSALS.contains(code);
    }

    /** Retrying alone will not heal it: someone must look (logged as an error). */
    static boolean permanent(Status.Code code) {
        return PERMANENT.contains(code);
    }

    private static Set<Status.Code> permanent() {
        Set<Status.Code> codes = EnumSet.copyOf(ENTRY_REFUSALS);
        codes.addAll(EnumSet.of(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.UNIMPLEMENTED));
        return codes;
    }
}
