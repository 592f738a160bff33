package fr.bilan.support.refusal;

/** The caller holds a role the contract allows, but not over this record (another centre, another bilan). */
public non-sealed class Forbidden extends DomainRefusal {

    public Forbidden(String frenchReason) {
        super(frenchReason);
    }
}
