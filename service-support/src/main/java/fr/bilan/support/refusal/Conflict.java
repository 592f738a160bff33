package fr.bilan.support.refusal;

/** The record changed since the caller read it (a stale version or etag): read it again, then retry. */
public non-sealed class Conflict extends DomainRefusal {

    public Conflict(String frenchReason) {
        super(frenchReason);
    }
}
