package fr.bilan.support.refusal;

/** What was asked to be created exists already (a unique key taken). */
public non-sealed class AlreadyExists extends DomainRefusal {

    public AlreadyExists(String frenchReason) {
        super(frenchReason);
    }
}
