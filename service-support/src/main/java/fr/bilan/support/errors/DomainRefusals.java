package fr.bilan.support.errors;

import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.DomainRefusal;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The one mapping of the domain's refusals to gRPC, for every service: the status the contract
 * gives each kind, with the French reason as its description (the gateway shows it as the
 * problem's detail). {@link UnexpectedErrors} applies it to whatever an RPC throws.
 */
public final class DomainRefusals {

    private DomainRefusals() {
    }

    public static StatusRuntimeException toStatus(DomainRefusal refusal) {
        if (refusal instanceof InvalidFields invalid) {
            FieldViolations violations = new FieldViolations();
            invalid.violations().forEach(violation -> violations.add(violation.field(), violation.description()));
            return violations.exception();
        }
        return code(refusal).withDescription(refusal.frenchReason()).asRuntimeException();
    }

    private static Status code(DomainRefusal refusal) {
        if (refusal instanceof RuleRefusal) {
            return Status.FAILED_PRECONDITION;
        }
        if (refusal instanceof Conflict) {
            return Status.ABORTED;
        }
        if (refusal instanceof AlreadyExists) {
            return Status.ALREADY_EXISTS;
        }
        if (refusal instanceof NotFound) {
            return Status.NOT_FOUND;
        }
        if (refusal instanceof Forbidden) {
            return Status.PERMISSION_DENIED;
        }
        // a new kind added to the sealed family without its status: DomainRefusalsTest fails first
        throw new IllegalStateException("no status for " + refusal.getClass().getName());
    }
}
