package fr.bilan.retention.proof;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lines of an export: objects whose {@code record} says what they are, with their fields
 * always in the same order, instants as {@link DestructionCertificate#instant}.
 */
final class CertificateJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RECORD = "record";
    static final String HEADER = "header";
    static final String CERTIFICATE = "certificate";
    static final String FOOTER = "footer";
    static final String FORMAT = "destruction-certificates/1";

    private CertificateJson() {
    }

    static ObjectNode header(String centreId, Instant from, Instant to, Anchor anchor) {
        return JSON.createObjectNode().put(RECORD, HEADER).put("format", FORMAT)
                .put("centreId", centreId).put("from", DestructionCertificate.instant(from))
                .put("to", DestructionCertificate.instant(to)).put("anchorSequence", anchor.sequence())
                .put("anchorHash", anchor.hash())
                .put("anchorCertifiedAt", DestructionCertificate.instant(anchor.certifiedAt()));
    }

    static ObjectNode footer(long count, String lastHash) {
        return JSON.createObjectNode().put(RECORD, FOOTER).put("count", count).put("lastHash", lastHash);
    }

    static ObjectNode certificate(DestructionCertificate certificate) {
        return JSON.createObjectNode().put(RECORD, CERTIFICATE).put("id", certificate.id())
                .put("centreId", certificate.centreId()).put("sequence", certificate.sequence())
                .put("documentHash", certificate.documentHash()).put("kind", certificate.kind())
                .put("ruleId", certificate.ruleId()).put("ruleVersion", certificate.ruleVersion())
                .put("dueAt", DestructionCertificate.instant(certificate.dueAt()))
                .put("destroyedAt", DestructionCertificate.instant(certificate.destroyedAt()))
                .put("certifiedAt", DestructionCertificate.instant(certificate.certifiedAt()))
                .put("runId", certificate.runId()).put("previousHash", certificate.previousHash())
                .put("hash", certificate.hash());
    }

    static DestructionCertificate certificate(JsonNode line) {
        return new DestructionCertificate(text(line, "id"), text(line, "centreId"), line.required("sequence").asLong(),
                text(line, "documentHash"), text(line, "kind"), text(line, "ruleId"), text(line, "ruleVersion"),
                instant(line, "dueAt"), instant(line, "destroyedAt"), instant(line, "certifiedAt"),
                text(line, "runId"), text(line, "previousHash"), text(line, "hash"));
    }

    static String text(JsonNode line, String field) {
        return line.required(field).asString();
    }

    static Instant instant(JsonNode line, String field) {
        return Instant.parse(text(line, field));
    }
}
