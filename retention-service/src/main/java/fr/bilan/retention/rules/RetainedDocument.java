package fr.bilan.retention.rules;

import java.time.Instant;

import fr.bilan.proto.retention.v1.DocumentKind;

/** A document of a bilan, as far as the policy cares: what it is and when it was stored. */
public record RetainedDocument(DocumentKind kind, Instant storeTime) {
}
