package fr.bilan.retention.proof;

import java.time.Instant;

/**
 * What a purge reports of one destroyed document, to be certified. The centre is organisational (an
 * export goes to a centre's auditors); nothing here says whose the document was.
 *
 * @param kind        what the document was, e.g. {@code SYNTHESIS_DOCUMENT}
 * @param ruleId      the retention rule that made it due
 * @param ruleVersion the version of that rule, as applied
 * @param dueAt       when the rule made it due for destruction
 * @param destroyedAt when every copy was gone
 * @param runId       the purge run that destroyed it
 */
public record Destruction(String centreId, DocumentIdentity document, String kind, String ruleId, String ruleVersion,
        Instant dueAt, Instant destroyedAt, String runId) {
}
