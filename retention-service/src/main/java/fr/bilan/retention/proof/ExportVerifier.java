package fr.bilan.retention.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies an export of {@link CertificateExports} with nothing but the export: every certificate
 * recomputed and linked from the header's anchor, each of the header's centre and certified in its
 * period, and the footer's count and last hash matching what came before it. Reads the export line
 * by line as it verifies, so that an export of any size verifies in little memory.
 *
 * <p>Also the auditors' offline command ({@link #main}): {@code ExportVerifier <export.jsonl>}, or
 * {@code -} for the standard input, prints the verdict in French, then in English, and exits 0 when
 * the export holds, 1 when it does not (a broken chain, or a file that is no export of destruction
 * certificates), 2 on a wrong command line or a file it cannot read.
 */
public final class ExportVerifier {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;
    private static final String USAGE_FR = "Usage : ExportVerifier <export.jsonl> (ou - pour l'entrée standard)";
    private static final String USAGE_EN = "usage: ExportVerifier <export.jsonl> (or - for the standard input)";

    private ExportVerifier() {
    }

    /** The verification of the export {@code in} holds; throws {@link IllegalArgumentException} when it is not one. */
    public static ChainVerification verify(Reader in) {
        try (BufferedReader lines = new BufferedReader(in)) {
            return verify(lines);
        } catch (JacksonException | DateTimeException e) {
            throw new IllegalArgumentException("not an export of destruction certificates: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offline command: see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** What {@link #main} does, its exit status returned: the verdict to {@code out}, a failure to read to {@code err}. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].isEmpty()) {
            err.println(USAGE_FR);
            err.println(USAGE_EN);
            return UNREADABLE;
        }
        String name = args[0];
        InputStream input;
        try {
            input = name.equals("-") ? stdin : Files.newInputStream(Path.of(name));
        } catch (IOException | InvalidPathException e) {
            return unreadable(name, e, err);
        }
        // malformed UTF-8 is replaced, not refused: it then fails as content, like any other alteration
        try (Reader in = new InputStreamReader(input, StandardCharsets.UTF_8)) {
            ChainVerification verification = verify(in);
            out.println(verification.frenchMessage());
            out.println(verification);
            return verification.intact() ? INTACT : BROKEN;
        } catch (IllegalArgumentException e) {
            out.println("Ce fichier n'est pas un export de certificats de destruction (format " + CertificateJson.FORMAT
                    + ") : il ne prouve rien.");
            out.println(e.getMessage());
            return BROKEN;
        } catch (IOException | UncheckedIOException e) {
            return unreadable(name, e, err);
        }
    }

    private static int unreadable(String name, Exception e, PrintStream err) {
        err.println("Impossible de lire " + name + " : " + (e instanceof NoSuchFileException ? "fichier introuvable."
                : e.getMessage()));
        err.println("cannot read " + name + ": " + e);
        return UNREADABLE;
    }

    private static ChainVerification verify(BufferedReader lines) throws IOException {
        JsonNode header = next(lines);
        if (header == null || !isA(header, CertificateJson.HEADER)) {
            throw new IllegalArgumentException("an export starts with its header");
        }
        if (!CertificateJson.FORMAT.equals(CertificateJson.text(header, "format"))) {
            throw new IllegalArgumentException("not an export of format " + CertificateJson.FORMAT);
        }
        Anchor anchor = new Anchor(header.required("anchorSequence").asLong(), CertificateJson.text(header, "anchorHash"),
                CertificateJson.instant(header, "anchorCertifiedAt"));
        Instant from = CertificateJson.instant(header, "from");
        Instant to = CertificateJson.instant(header, "to");
        Entries entries = new Entries(lines);
        ChainVerification chain = CertificateChain.verify(CertificateJson.text(header, "centreId"), anchor, () -> entries,
                certifiedAt -> !certifiedAt.isBefore(from) && certifiedAt.isBefore(to));
        if (!chain.intact()) {
            return chain;
        }
        JsonNode footer = entries.footer;
        if (footer != null && next(lines) != null) {
            throw new IllegalArgumentException("an export ends with its footer");
        }
        if (footer == null || footer.required("count").asLong() != chain.count()
                || !CertificateJson.text(footer, "lastHash").equals(chain.headHash())) {
            return ChainVerification.broken(anchor.sequence() + chain.count() + 1, ChainBreak.INCOMPLETE, chain.count(),
                    chain.headHash());
        }
        return chain;
    }

    /** The next line that is not blank, parsed; {@code null} at the end. */
    private static JsonNode next(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
                return CertificateJson.JSON.readTree(line);
            }
        }
        return null;
    }

    private static boolean isA(JsonNode line, String record) {
        return record.equals(line.path(CertificateJson.RECORD).asString(""));
    }

    /** The certificate lines after the header, read as they are walked, up to the footer, which it keeps. */
    private static final class Entries implements Iterator<DestructionCertificate> {

        private final BufferedReader lines;
        private DestructionCertificate ahead;
        private boolean ended;
        private JsonNode footer;

        Entries(BufferedReader lines) {
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null && !ended) {
                JsonNode line = nextLine();
                if (line == null) {
                    ended = true;
                } else if (isA(line, CertificateJson.FOOTER)) {
                    footer = line;
                    ended = true;
                } else if (isA(line, CertificateJson.CERTIFICATE)) {
                    ahead = CertificateJson.certificate(line);
                } else {
                    throw new IllegalArgumentException("not a line of an export: " + line.get(CertificateJson.RECORD));
                }
            }
            return ahead != null;
        }

        @Override
        public DestructionCertificate next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            DestructionCertificate entry = ahead;
            ahead = null;
            return entry;
        }

        private JsonNode nextLine() {
            try {
                return ExportVerifier.next(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
