package fr.bilan.retention.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies an export of {@link CertificateExports} with nothing but the export: every certificate
 * recomputed and linked from the header's anchor, each of the header's centre and certified in its
 * period, and the footer's count and last hash matching what came before it.
 */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    /** The verification of the export {@code in} holds; throws {@link IllegalArgumentException} when it is not one. */
    public static ChainVerification verify(Reader in) {
        try {
            return verify(read(in));
        } catch (JacksonException | DateTimeException e) {
            throw new IllegalArgumentException("not an export of destruction certificates: " + e.getMessage(), e);
        }
    }

    private static ChainVerification verify(List<JsonNode> lines) {
        if (lines.isEmpty() || !isA(lines.get(0), CertificateJson.HEADER)) {
            throw new IllegalArgumentException("an export starts with its header");
        }
        JsonNode header = lines.get(0);
        if (!CertificateJson.FORMAT.equals(CertificateJson.text(header, "format"))) {
            throw new IllegalArgumentException("not an export of format " + CertificateJson.FORMAT);
        }
        Anchor anchor = new Anchor(header.required("anchorSequence").asLong(), CertificateJson.text(header, "anchorHash"),
                CertificateJson.instant(header, "anchorCertifiedAt"));
        Instant from = CertificateJson.instant(header, "from");
        Instant to = CertificateJson.instant(header, "to");
        List<DestructionCertificate> entries = new ArrayList<>();
        JsonNode footer = null;
        for (JsonNode line : lines.subList(1, lines.size())) {
            if (footer != null) {
                throw new IllegalArgumentException("an export ends with its footer");
            }
            if (isA(line, CertificateJson.FOOTER)) {
                footer = line;
            } else if (isA(line, CertificateJson.CERTIFICATE)) {
                entries.add(CertificateJson.certificate(line));
            } else {
                throw new IllegalArgumentException("not a line of an export: " + line.get(CertificateJson.RECORD));
            }
        }
        ChainVerification chain = CertificateChain.verify(CertificateJson.text(header, "centreId"), anchor, entries,
                certifiedAt -> !certifiedAt.isBefore(from) && certifiedAt.isBefore(to));
        if (!chain.intact()) {
            return chain;
        }
        if (footer == null || footer.required("count").asLong() != chain.count()
                || !CertificateJson.text(footer, "lastHash").equals(chain.headHash())) {
            return ChainVerification.broken(anchor.sequence() + chain.count() + 1, ChainBreak.INCOMPLETE);
        }
        return chain;
    }

    private static List<JsonNode> read(Reader in) {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(in)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(CertificateJson.JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static boolean isA(JsonNode line, String record) {
        return record.equals(line.path(CertificateJson.RECORD).asString(""));
    }
}
