package fr.bilan.retention.rules;

import java.time.Instant;


/** A document of a bilan, as far as the policy cares: what it is and when it was stored. */
public record RetainedDocument(DocumentKind kind, Instant storeTime) {
}
