package fr.bilan.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The synthèse from draft to the beneficiary's PDF, through the gateway as the web front-end drives
 * it: a bilan funded and brought to its conclusion (a preliminary and an investigation session the
 * beneficiary attended), its synthèse written and finalised by the consultant, then handed to the
 * beneficiary alone, kept encrypted in the real store and registered for its legal destruction.
 */
class SynthesisOnRealServersTest extends PlatformTestSupport {

    private static ConcludedBilan bilan;

    /**
     * Once for the class: the sessions take minutes of the real clock, and another bilan's sessions
     * would have to wait for their end (the demo consultant leads them all).
     */
    @BeforeAll
    static void concludeABilanAndFinaliseItsSynthesis() throws Exception {
        bilan = ConcludedBilan.withFinalSynthesis();
    }

    @Test
    void theBeneficiaryDownloadsThePdfAndThatIsTheHandOver() throws Exception {
        HttpResponse<byte[]> pdf = bilan.download(bilan.beneficiary());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(sha256(pdf.body())).isEqualTo(bilan.synthesis().get("document").get("sha256").asString());
        bilan.handedOver();
    }

    @Test
    void theRealStoreHoldsItEncryptedOnly() throws Exception {
        List<byte[]> stored = List.copyOf(bilan.storedObjects().values());

        assertThat(stored).hasSize(1);
        assertThat(new String(stored.get(0), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
    }

    @Test
    void nobodyElseGetsIt() throws Exception {
        // the centre's manager reads the bilan itself, and its auditor its hours: neither reads the synthèse
        for (String user : List.of("manager", "auditor")) {
            String token = RealServers.token(KEYCLOAK, user);

            assertThat(bilan.download(token).statusCode()).as(user).isEqualTo(403);
            assertThat(send(token, "GET", bilan.path() + "/synthesis", null).statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void theRetentionScheduleListsThePdf() throws Exception {
        // synthesis-service registers the stored PDF with retention-service through its outbox
        JsonNode schedule = poll(bilan::schedule, read -> !ConcludedBilan.synthesisDocuments(read).isEmpty());

        assertThat(ConcludedBilan.synthesisDocuments(schedule)).as(schedule.toString()).singleElement()
                .satisfies(document -> {
                    assertThat(document.get("holder").asString()).isEqualTo("synthesis-service");
                    // nothing is due before the action ends
                    assertThat(document.get("state").asString()).isEqualTo("AWAITING_ACTION_END");
                });
    }
}
