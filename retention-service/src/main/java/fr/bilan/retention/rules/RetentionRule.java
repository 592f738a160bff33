package fr.bilan.retention.rules;

import java.time.Period;
import java.util.Set;

/**
 * One rule of a regime: the document kinds it keeps, while which condition holds, for how long
 * after its anchor. Every decision names the rule it applied by id, version and source.
 *
 * @param version bumped whenever the rule's meaning changes, so that old decisions stay explained
 * @param period  added to the anchor in the Paris calendar; {@code P0D} destroys at the anchor
 * @param label   what people read, in French
 */
public record RetentionRule(String id, int version, Set<DocumentKind> kinds, RetentionCondition condition,
        RetentionAnchor anchor, Period period, String source, String label) {

    public RetentionRule {
        kinds = Set.copyOf(kinds);
    }

    boolean covers(DocumentKind kind) {
        return kinds.contains(kind);
    }
}
