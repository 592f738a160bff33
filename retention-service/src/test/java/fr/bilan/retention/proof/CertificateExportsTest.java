package fr.bilan.retention.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.bilan.support.testing.MemoryMongo;
import fr.bilan.support.testing.TestClock;
import tools.jackson.databind.node.ObjectNode;

class CertificateExportsTest {

    private static final MemoryMongo MONGO = new MemoryMongo();
    private static final String CENTRE = "centre-a";
    private static final Instant JANUARY = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2027-02-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2027-03-01T00:00:00Z");

    private final TestClock clock = new TestClock();
    private final DestructionCertificates certificates = new DestructionCertificates(MONGO.freshDatabase(), clock);
    private final CertificateExports exports = new CertificateExports(certificates);

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    /** Two entries in January, three in February (sequences 3 to 5), one in March; another centre's in February. */
    @BeforeEach
    void entriesOverThreeMonths() {
        appendAt("2027-01-10T08:00:00Z", CENTRE);
        appendAt("2027-01-31T23:59:59.999Z", CENTRE);
        appendAt("2027-02-01T00:00:00Z", CENTRE);
        appendAt("2027-02-10T08:00:00Z", "centre-b");
        appendAt("2027-02-10T09:00:00Z", CENTRE);
        appendAt("2027-02-28T09:00:00Z", CENTRE);
        appendAt("2027-03-01T00:00:00Z", CENTRE);
    }

    @Test
    void exportsAPeriodAsJsonLinesBetweenAHeaderAndAFooter() {
        List<String> lines = february();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"record\":\"header\",\"format\":\"destruction-certificates/1\","
                + "\"centreId\":\"centre-a\",\"from\":\"2027-02-01T00:00:00.000Z\",\"to\":\"2027-03-01T00:00:00.000Z\","
                + "\"anchorSequence\":2,\"anchorHash\":\"" + entry(2).hash() + "\"");
        DestructionCertificate third = entry(3);
        assertThat(lines.get(1)).isEqualTo("{\"record\":\"certificate\",\"id\":\"" + third.id()
                + "\",\"centreId\":\"centre-a\",\"sequence\":3,\"documentHash\":\"" + third.documentHash()
                + "\",\"kind\":\"SYNTHESIS_DOCUMENT\",\"ruleId\":\"R6313-7-end-of-action\",\"ruleVersion\":\"2026.1\""
                + ",\"dueAt\":\"2026-10-01T00:00:00.000Z\",\"destroyedAt\":\"2026-10-01T01:00:00.000Z\""
                + ",\"certifiedAt\":\"2027-02-01T00:00:00.000Z\",\"runId\":\"run-1\",\"previousHash\":\""
                + third.previousHash() + "\",\"hash\":\"" + third.hash() + "\"}");
        assertThat(lines.get(4)).isEqualTo("{\"record\":\"footer\",\"count\":3,\"lastHash\":\"" + entry(5).hash() + "\"}");
    }

    @Test
    void anExportVerifiesAlone() {
        ChainVerification verification = verify(february());

        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.count()).isEqualTo(3);
        assertThat(verification.headHash()).isEqualTo(entry(5).hash());
    }

    @Test
    void consecutiveExportsChainEachToTheOneBefore() {
        List<String> january = export(JANUARY, FEBRUARY);
        List<String> march = export(MARCH, Instant.parse("2027-04-01T00:00:00Z"));

        assertThat(verify(january).headHash()).isEqualTo(entry(2).hash());
        assertThat(february().get(0)).contains("\"anchorHash\":\"" + verify(january).headHash() + "\"");
        assertThat(march.get(0)).contains("\"anchorHash\":\"" + verify(february()).headHash() + "\"");
        assertThat(verify(march).count()).isEqualTo(1);
        assertThat(verify(export(Instant.parse("2026-01-01T00:00:00Z"), JANUARY)).headHash())
                .isEqualTo(Anchor.GENESIS.hash());
    }

    @Test
    void anEmptyPeriodHangsFromTheEntryBeforeIt() {
        List<String> lines = export(Instant.parse("2027-06-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));

        assertThat(lines).hasSize(2);
        ChainVerification verification = verify(lines);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.count()).isZero();
        assertThat(verification.headHash()).isEqualTo(entry(6).hash());
    }

    @Test
    void anAlteredLineFails() {
        assertTamperedFebruaryBreaks(lines -> {
            ObjectNode line = (ObjectNode) CertificateJson.JSON.readTree(lines.get(2));
            lines.set(2, CertificateJson.JSON.writeValueAsString(line.put("destroyedAt", "2026-10-01T01:00:00.001Z")));
        }, 4, ChainBreak.ALTERED);
    }

    @Test
    void aRemovedLineFails() {
        assertTamperedFebruaryBreaks(lines -> lines.remove(2), 4, ChainBreak.MISSING);
    }

    @Test
    void swappedLinesFail() {
        assertTamperedFebruaryBreaks(lines -> Collections.swap(lines, 1, 2), 3, ChainBreak.OUT_OF_ORDER);
    }

    @Test
    void aLastLineCutWithItsFooterLeftFails() {
        assertTamperedFebruaryBreaks(lines -> lines.remove(3), 5, ChainBreak.INCOMPLETE);
    }

    @Test
    void aMissingFooterFails() {
        assertTamperedFebruaryBreaks(lines -> lines.remove(4), 6, ChainBreak.INCOMPLETE);
    }

    @Test
    void anotherAnchorFails() {
        String otherAnchor = entry(1).hash();
        assertTamperedFebruaryBreaks(lines -> lines.set(0, lines.get(0).replace(entry(2).hash(), otherAnchor)), 3,
                ChainBreak.LINK_BROKEN);
    }

    @Test
    void aNarrowedPeriodFails() {
        assertTamperedFebruaryBreaks(
                lines -> lines.set(0, lines.get(0).replace("2027-03-01T00:00:00.000Z", "2027-02-15T00:00:00.000Z")), 5,
                ChainBreak.OUTSIDE_PERIOD);
    }

    @Test
    void anotherCentresExportPassedAsThisOneFails() {
        List<String> lines = export(FEBRUARY, MARCH, "centre-b");
        lines.set(0, lines.get(0).replace("centre-b", CENTRE));

        assertThat(verify(lines).reason()).isEqualTo(ChainBreak.OTHER_CENTRE);
        assertThat(verify(lines).brokenSequence()).isEqualTo(1);
    }

    @Test
    void textThatIsNoExportIsRefused() {
        assertThatThrownBy(() -> verify(List.of("{\"record\":\"certificate\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> verify(List.of("not json"))).isInstanceOf(IllegalArgumentException.class);
        List<String> lines = february();
        lines.set(1, lines.get(1).replace("\"sequence\":3,", ""));
        assertThatThrownBy(() -> verify(lines)).isInstanceOf(IllegalArgumentException.class);
        List<String> followed = february();
        followed.add(followed.get(1));
        assertThatThrownBy(() -> verify(followed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an export ends with its footer");
    }

    private void appendAt(String instant, String centreId) {
        clock.set(Instant.parse(instant));
        certificates.append(Destructions.of(centreId));
    }

    private DestructionCertificate entry(long sequence) {
        return certificates.chainOf(CENTRE).into(new ArrayList<>()).get((int) sequence - 1);
    }

    private List<String> february() {
        return export(FEBRUARY, MARCH);
    }

    private List<String> export(Instant from, Instant to) {
        return export(from, to, CENTRE);
    }

    private List<String> export(Instant from, Instant to, String centreId) {
        StringWriter out = new StringWriter();
        exports.write(centreId, from, to, out);
        return new ArrayList<>(Arrays.asList(out.toString().split("\n")));
    }

    private static ChainVerification verify(List<String> lines) {
        return ExportVerifier.verify(new StringReader(String.join("\n", lines) + "\n"));
    }

    /** Asserts that the February export, once {@code tampering} went through its lines, breaks at {@code sequence}. */
    private void assertTamperedFebruaryBreaks(Consumer<List<String>> tampering, long sequence, ChainBreak reason) {
        List<String> lines = february();
        tampering.accept(lines);
        ChainVerification verification = verify(lines);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenSequence()).as(verification.toString()).isEqualTo(sequence);
        assertThat(verification.reason()).isEqualTo(reason);
    }
}
