package fr.bilan.synthesis.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.context.SpringBootTest;

import fr.bilan.support.testing.DocumentRenderingContract;
import fr.bilan.synthesis.SynthesisApplication;

/** synthesis-service keeps the contract beneficiary-service's stand-in for its renderer ({@code FakeDocumentRendering}) keeps. */
@SpringBootTest(classes = SynthesisApplication.class, properties = {
        "bilan.centres.overrides.centre-lyon.name=Centre de bilans de Lyon",
        "bilan.centres.overrides.centre-lyon.address=12 rue de la République\n69002 Lyon",
        "bilan.centres.overrides.centre-lyon.declaration-number=82690000069" })
class DocumentRenderingContractTest extends DocumentRenderingContract {

    /** The real renderer answered: a whole PDF of several kilobytes (the fake's is a few bytes), ended as PDF files end. */
    @Override
    protected void assertRenderedHere(String agreementId, byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(pdf.length).isGreaterThan(4_096);
        assertThat(text.stripTrailing()).endsWith("%%EOF");
    }
}
