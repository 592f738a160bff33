package fr.bilan.support.refusal;

/** A rule of the law or of the bilan refuses what was asked in the current state; the reason says which. */
public non-sealed class RuleRefusal extends DomainRefusal {

    public RuleRefusal(String frenchReason) {
        super(frenchReason);
    }
}
