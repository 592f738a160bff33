package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.w3c.dom.Document;

import fr.bilan.proto.synthesis.v1.SynthesisContent;

/**
 * Every kind of document the platform prints (the synthèse, an agreement still a draft with its
 * « PROJET » band, an agreement in force, an audit pack of several landscape pages) is PDF/A-3a and PDF/UA-1: checked with PDFBox, then by
 * veraPDF, which must find no failed check of either profile. Liberation covers Latin (Vietnamese
 * included), Greek and Cyrillic; a character it lacks prints as « # ».
 *
 * <p>The four are also written to {@code target/rendered-documents/}, for a person to look at them
 * (e.g. {@code pdftoppm -png -r 60}).
 */
class PdfConformanceTest {

    private static final Path RENDERED = Path.of("target", "rendered-documents");
    private static final Map<String, byte[]> DOCUMENTS = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws IOException {
        CentreIdentity withLogo = new CentreIdentity(Samples.LYON.name(), Samples.LYON.address(),
                Samples.LYON.declarationNumber(), Pdfs.logo());
        PdfRenderer renderer = new PdfRenderer(centreId -> withLogo);
        DOCUMENTS.put("document-de-synthese", renderer.renderSynthesis(Samples.synthesis()));
        DOCUMENTS.put("convention-projet", renderer.renderAgreement(Samples.print(Samples.agreement())));
        DOCUMENTS.put("convention-en-vigueur", renderer.renderAgreement(Samples.print(Samples.agreementInForce())));
        DOCUMENTS.put("dossier-audit-qualite", renderer.renderAuditPack(Samples.auditPackPrint(Samples.auditPack(30))));
        Files.createDirectories(RENDERED);
        for (Map.Entry<String, byte[]> document : DOCUMENTS.entrySet()) {
            Files.write(RENDERED.resolve(document.getKey() + ".pdf"), document.getValue());
        }
    }

    static Stream<Named<byte[]>> documents() {
        return DOCUMENTS.entrySet().stream().map(document -> Named.of(document.getKey(), document.getValue()));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void isTaggedInFrenchWithATitleShown(byte[] pdf) throws IOException {
        try (PDDocument document = Pdfs.open(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("fr-FR");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isIn(SynthesisHtml.TITLE, AgreementHtml.TITLE,
                    AgreementHtml.DRAFT_TITLE, AuditPackHtml.TITLE);
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getStructureTreeRoot().getParentTree()).isNotNull();
            List<String> tags = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), tags);
            assertThat(tags).contains("Document", "H1", "H2", "P", "Table", "TR", "TH", "TD");
            if (pdf != DOCUMENTS.get("dossier-audit-qualite")) {
                assertThat(tags).contains("H3");
            }
            if (pdf == DOCUMENTS.get("document-de-synthese") || pdf == DOCUMENTS.get("dossier-audit-qualite")) {
                assertThat(tags).contains("L", "LI", "LBody");
            }
            for (PDPage page : document.getPages()) {
                assertThat(page.getStructParents()).isGreaterThanOrEqualTo(0);
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(page);
                assertThat(extractor.getMarkedContents()).extracting(PDMarkedContent::getMCID)
                        .anySatisfy(mcid -> assertThat(mcid).isGreaterThanOrEqualTo(0));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void saysItIsPdfA3aAndPdfUa1(byte[] pdf) throws Exception {
        try (PDDocument document = Pdfs.open(pdf); InputStream xmp = document.getDocumentCatalog().getMetadata()
                .exportXMPMetadata()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document metadata = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xmp.readAllBytes()));
            String pdfaid = "http://www.aiim.org/pdfa/ns/id/";
            assertThat(metadata.getElementsByTagNameNS(pdfaid, "part").item(0).getTextContent()).isEqualTo("3");
            assertThat(metadata.getElementsByTagNameNS(pdfaid, "conformance").item(0).getTextContent()).isEqualTo("A");
            assertThat(metadata.getElementsByTagNameNS("http://www.aiim.org/pdfua/ns/id/", "part").item(0)
                    .getTextContent()).isEqualTo("1");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void embedsEveryFont(byte[] pdf) throws IOException {
        try (PDDocument document = Pdfs.open(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(font -> font.endsWith("+LiberationSans"))
                    .anyMatch(font -> font.endsWith("+LiberationSans-Bold"));
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void carriesTheLogoAsAnImageOnEveryPage(byte[] pdf) throws IOException {
        try (PDDocument document = Pdfs.open(pdf)) {
            assertThat(Pdfs.images(pdf)).isEqualTo(document.getNumberOfPages());
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void veraPdfFindsItPdfA3aCompliant(byte[] pdf) {
        assertThat(Pdfs.violations(pdf, PDFAFlavour.PDFA_3_A)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void veraPdfFindsItPdfUa1Compliant(byte[] pdf) {
        assertThat(Pdfs.violations(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void theCheckFailsAnOrdinaryPdf() throws IOException {
        // an untagged page with a font not embedded: what a renderer without PDF/A and PDF/UA would write
        try (PDDocument plain = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            plain.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(plain, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.showText("Convention");
                content.endText();
            }
            plain.save(bytes);
            assertThat(Pdfs.violations(bytes.toByteArray(), PDFAFlavour.PDFA_3_A)).isNotEmpty();
            assertThat(Pdfs.violations(bytes.toByteArray(), PDFAFlavour.PDFUA_1)).isNotEmpty();
        }
    }

    @Test
    void charactersTheFontLacksPrintAsHashesAndKeepItCompliant() {
        SynthesisPrint print = new SynthesisPrint(Samples.CENTRE, "王小明", "Léo Martin", Samples.COURSE,
                LocalDate.of(2026, 11, 23), 1,
                Samples.domain(SynthesisContent.newBuilder().setRequestContext("Merci 😀 → ≥ ‰ ǅ").build()), "");
        byte[] pdf = Samples.renderer().renderSynthesis(print);
        assertThat(Pdfs.flat(Pdfs.pages(pdf))).contains("Bénéficiaire : ###", "Merci # → ≥ ‰ ǅ");
        assertThat(Pdfs.violations(pdf, PDFAFlavour.PDFA_3_A)).isEmpty();
    }

    private static void collect(PDStructureNode node, List<String> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                collect(element, tags);
            }
        }
    }
}
