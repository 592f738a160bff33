package fr.bilan.synthesis.content;

import java.util.List;

/** A synthèse cannot be final yet: the required sections it lacks, named in French one by one. */
public final class SectionsMissing extends fr.bilan.support.refusal.RuleRefusal {

    private final transient List<Section> missing;

    SectionsMissing(List<Section> missing) {
        super(Section.describe(missing));
        this.missing = List.copyOf(missing);
    }

    /** In the order of the document. */
    public List<Section> missing() {
        return missing;
    }
}
