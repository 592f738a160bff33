package fr.bilan.retention.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.bilan.support.testing.MemoryMongo;
import fr.bilan.support.testing.TestClock;

/** The auditors' offline command, on a real export written to a file: its verdict and its exit status. */
class ExportVerifierCommandTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final String CENTRE = "centre-a";

    @TempDir
    private Path folder;

    private final TestClock clock = new TestClock();
    private final DestructionCertificates certificates = new DestructionCertificates(MONGO.freshDatabase(), clock);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String export;
    private DestructionCertificate last;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void threeCertificatesExported() {
        for (int day = 1; day <= 3; day++) {
            clock.set(Instant.parse("2027-02-0" + day + "T10:00:00Z"));
            last = certificates.append(Destructions.of(CENTRE));
        }
        StringWriter written = new StringWriter();
        new CertificateExports(certificates).write(CENTRE, Instant.parse("2027-02-01T00:00:00Z"),
                Instant.parse("2027-03-01T00:00:00Z"), written);
        export = written.toString();
    }

    @Test
    void anIntactExportExitsZeroWithItsVerdictInFrenchThenInEnglish() throws IOException {
        Path file = Files.writeString(folder.resolve("export.jsonl"), export);

        assertThat(run(file.toString())).isEqualTo(0);

        assertThat(out()).isEqualTo("Chaîne intègre : 3 certificats, dernière empreinte " + last.hash() + ".\n"
                + "chain intact: 3 entries, head " + last.hash() + "\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void aTamperedExportExitsOneAndSaysWhereAndWhy() throws IOException {
        String[] lines = export.split("\n");
        lines[2] = lines[2].replace("\"runId\":\"run-1\"", "\"runId\":\"run-2\"");
        Path file = Files.writeString(folder.resolve("export.jsonl"), String.join("\n", lines) + "\n");

        assertThat(run(file.toString())).isEqualTo(1);

        assertThat(out()).isEqualTo("Chaîne rompue au certificat n° 2 : le certificat a été modifié : son empreinte "
                + "ne correspond plus à son contenu.\n"
                + "chain broken at sequence 2: its fields do not give its hash: the entry was altered\n");
    }

    @Test
    void aDashReadsTheExportFromTheStandardInput() {
        assertThat(run(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)), "-")).isEqualTo(0);

        assertThat(out()).startsWith("Chaîne intègre : 3 certificats");
    }

    @Test
    void aFileThatIsNoExportExitsOne() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "pas un export\n");

        assertThat(run(file.toString())).isEqualTo(1);

        assertThat(out()).startsWith("Ce fichier n'est pas un export de certificats de destruction (format "
                + "destruction-certificates/1) : il ne prouve rien.\nnot an export of destruction certificates");
    }

    @Test
    void aWrongCommandLineOrAFileThatCannotBeReadExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("a.jsonl", "b.jsonl")).isEqualTo(2);
        assertThat(err()).startsWith("Usage : ExportVerifier <export.jsonl> (ou - pour l'entrée standard)\n"
                + "usage: ExportVerifier <export.jsonl> (or - for the standard input)\n");

        err.reset();
        assertThat(run(folder.resolve("absent.jsonl").toString())).isEqualTo(2);
        assertThat(err()).startsWith("Impossible de lire " + folder.resolve("absent.jsonl") + " : fichier introuvable.\n");
        assertThat(out()).isEmpty();
    }

    private int run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    private int run(InputStream stdin, String... args) {
        return ExportVerifier.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
