package fr.bilan.support.refusal;

/**
 * What a domain rule answers when it cannot do what was asked: one sealed family for every service,
 * free of any transport, so that rules stay plain Java. The message is the French reason the person
 * reads. service-support's gRPC error handler maps each kind to its status, once
 * ({@code fr.bilan.support.errors.DomainRefusals}).
 *
 * <p>An expected outcome, not a fault: no stack trace is filled in.
 */
public abstract sealed class DomainRefusal extends RuntimeException
        permits RuleRefusal, Conflict, AlreadyExists, NotFound, Forbidden, InvalidFields {

    protected DomainRefusal(String frenchReason) {
        super(frenchReason, null, false, false);
    }

    /** What the person is told, in French. */
    public String frenchReason() {
        return getMessage();
    }
}
