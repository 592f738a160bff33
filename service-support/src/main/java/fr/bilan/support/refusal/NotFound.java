package fr.bilan.support.refusal;

/** Nothing answers to the identifier given, or nothing the caller may know of. */
public non-sealed class NotFound extends DomainRefusal {

    public NotFound(String frenchReason) {
        super(frenchReason);
    }
}
