package fr.bilan.retention.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCursor;

import tools.jackson.databind.JsonNode;

/**
 * A centre's certificates of a period, for its auditors, as JSON Lines: a header (centre, period
 * [from, to), anchor: the entry just before), one line per certificate in sequence order, a footer
 * (count, last hash). {@link ExportVerifier} checks one alone; the footer's last hash is the next
 * period's anchor, so consecutive exports chain too. Export closed periods: an appender that read
 * the clock before {@code to} may still be writing just after it.
 */
@Component
public class CertificateExports {

    private final DestructionCertificates certificates;

    public CertificateExports(DestructionCertificates certificates) {
        this.certificates = certificates;
    }

    /** Writes the export of {@code centreId}'s certificates of [{@code from}, {@code to}); returns how many. */
    public long write(String centreId, Instant from, Instant to, Writer out) {
        Anchor anchor = certificates.anchorBefore(centreId, from);
        try {
            line(out, CertificateJson.header(centreId, from, to, anchor));
            long count = 0;
            String lastHash = anchor.hash();
            // closed even when writing fails half-way (the client gone): no cursor left open on the server
            try (MongoCursor<DestructionCertificate> entries = certificates.certifiedBetween(centreId, from, to)
                    .iterator()) {
                while (entries.hasNext()) {
                    DestructionCertificate certificate = entries.next();
                    line(out, CertificateJson.certificate(certificate));
                    lastHash = certificate.hash();
                    count++;
                }
            }
            line(out, CertificateJson.footer(count, lastHash));
            out.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer out, JsonNode record) throws IOException {
        out.write(CertificateJson.JSON.writeValueAsString(record));
        out.write('\n');
    }
}
