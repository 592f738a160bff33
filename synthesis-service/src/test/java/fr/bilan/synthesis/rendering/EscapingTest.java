package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import fr.bilan.proto.synthesis.v1.ActionStep;
import fr.bilan.proto.synthesis.v1.Horizon;
import fr.bilan.proto.synthesis.v1.Skills;
import fr.bilan.proto.synthesis.v1.SynthesisContent;

/** What people type prints as text: it never becomes markup, and nothing is ever fetched. */
class EscapingTest {

    private static final String MARKUP = "<b>gras</b> </div><img src=\"http://127.0.0.1:9/x.png\"> & \"guillemets\" 'apostrophes' "
            + "<script>alert(1)</script><a href=\"https://example.org\">lien</a> &amp; &lt;p&gt;";

    @Test
    void markupInAnyFieldPrintsLiterallyAndAddsNoImageNorLink() throws IOException {
        PdfRenderer renderer = Samples.renderer();
        SynthesisContent content = SynthesisContent.newBuilder().setRequestContext(MARKUP)
                .setSkills(Skills.newBuilder().addKnowledge(MARKUP))
                .addActionPlan(ActionStep.newBuilder().setDescription(MARKUP).setHorizon(Horizon.SHORT_TERM)
                        .setDueDate(Samples.date(LocalDate.of(2027, 1, 4))))
                .build();
        byte[] pdf = renderer.renderSynthesis(new SynthesisPrint(Samples.CENTRE, "<i>Ana</i> & Co", "</p><h1>Léo</h1>",
                Samples.COURSE, LocalDate.of(2026, 11, 23), 1, Samples.domain(content), MARKUP));

        String text = Pdfs.text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Bénéficiaire : <i>Ana</i> & Co", "Consultant(e) : </p><h1>Léo</h1>");
        int printed = 0;
        for (int at = text.indexOf("<b>gras</b>"); at >= 0; at = text.indexOf("<b>gras</b>", at + 1)) {
            printed++;
        }
        assertThat(printed).as("the markup printed in each of its four fields").isEqualTo(4);
        assertThat(text).contains("<script>alert(1)</script>", "&amp; &lt;p&gt;", "\"guillemets\" 'apostrophes'",
                "<img src=\"http://127.0.0.1:9/x.png\">", "<a href=\"https://example.org\">lien</a>");
        assertThat(Pdfs.images(pdf)).isZero();
        try (PDDocument document = Pdfs.open(pdf)) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getAnnotations()).isEmpty();
            }
        }
    }

    @Test
    void invisibleCharactersThatCouldReorderOrHideTextAreDropped() {
        assertThat(HtmlPage.clean("a\u202eb\u200bc\u0000d\u0007e\r\nf\rg\th\u2066i"))
                .isEqualTo("abcde\nf\ng hi");
        // « é » typed as e and a combining accent prints with the font's é
        assertThat(HtmlPage.clean("e\u0301")).isEqualTo("é");
    }

    @Test
    void nothingIsFetchedEvenFromElementsThatNameResources() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort();
            PdfRenderer renderer = new PdfRenderer(Map.of(Samples.CENTRE, Samples.LYON)::get);
            String css;
            try (var stylesheet = PdfRenderer.class.getResourceAsStream("document.css")) {
                css = new String(stylesheet.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            HtmlPage page = new HtmlPage("Essai", "Essai", Samples.LYON, css, "synthesis");
            Element body = page.content();
            for (String src : new String[] {url + "/image.png", "file:///etc/passwd", "classpath:/logback.xml",
                    "jar:file:/tmp/x.jar!/a.png", "data:image/png;base64,iVBORw0KGgo=", "/relative.png",
                    HtmlPage.LOGO_URI}) {
                page.add(body, "img").setAttribute("src", src);
            }
            Element head = (Element) page.document().getElementsByTagName("head").item(0);
            Element link = page.add(head, "link");
            link.setAttribute("rel", "stylesheet");
            link.setAttribute("href", url + "/style.css");
            Element hostileCss = page.add(head, "style");
            hostileCss.setTextContent("@import url(\"" + url + "/imported.css\"); body { background-image: url(\"" + url
                    + "/bg.png\"); } @font-face { font-family: x; src: url(\"" + url + "/font.ttf\"); }");

            byte[] pdf = renderer.render(page, Samples.LYON);

            server.setSoTimeout(200);
            boolean contacted;
            try (var connection = server.accept()) {
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            assertThat(contacted).as("a connection to the local server").isFalse();
            assertThat(Pdfs.images(pdf)).as("no image, not even the logo URI of a centre without logo").isZero();
        }
    }
}
