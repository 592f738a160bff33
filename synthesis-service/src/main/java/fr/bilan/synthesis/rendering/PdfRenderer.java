package fr.bilan.synthesis.rendering;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;

import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.content.Content;

/**
 * Prints the platform's legal documents (the synthèse, the tripartite agreement, the audit pack) as
 * PDF/A-3a and PDF/UA-1: tagged, in French, Liberation fonts embedded, the centre's identity, the
 * document's own footer (the synthèse's confidentiality notice, the agreement's title and parties, the
 * pack's period) and « Page X sur Y »
 * on every page. Nothing outside the renderer is ever fetched: the only
 * resource a document may name is its centre's logo, served from memory.
 *
 * <p>Thread-safe; built once: fonts, stylesheet, colour profile and logos are read at construction,
 * font metrics are computed once and shared by every render.
 */
public final class PdfRenderer {

    static final String FONT_FAMILY = "Liberation Sans";
    private static final String PRODUCER = "bilan synthesis-service (openhtmltopdf, PDFBox)";
    /** What the document's relative URIs would resolve against, had the resolver not refused them all. */
    private static final String BASE_URI = "bilan-resource:document";
    private static final String LOGO_PROTOCOL = HtmlPage.LOGO_URI.substring(0, HtmlPage.LOGO_URI.indexOf(':'));
    /** Every other way openhtmltopdf knows to read a URI answers nothing. */
    private static final String[] REFUSED_PROTOCOLS = {"http", "https", "file", "jar", "ftp", "data", "classpath"};
    private static final FSStreamFactory NOTHING = uri -> stream(null);

    static {
        XRLog.setLoggerImpl(new RendererLog());
    }

    private final CentreIdentities centres;
    private final String css;
    private final byte[] colorProfile;
    private final List<Font> fonts;
    private final FontMetricsCache fontMetrics = new FontMetricsCache();

    /** One face of the embedded family. */
    private record Font(byte[] bytes, int weight, FontStyle style) {
    }

    public PdfRenderer(CentreIdentities centres) {
        this.centres = Objects.requireNonNull(centres);
        this.css = new String(resource(PdfRenderer.class, "document.css"), StandardCharsets.UTF_8);
        this.colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        // Liberation fonts 2 (SIL Open Font License 1.1), from the openpdf-fonts-extra package
        this.fonts = List.of(font("Regular", 400, FontStyle.NORMAL), font("Bold", 700, FontStyle.NORMAL),
                font("Italic", 400, FontStyle.ITALIC), font("BoldItalic", 700, FontStyle.ITALIC));
    }

    /**
     * The final synthèse as a PDF.
     *
     * @throws CentreIdentityMissing when the centre's name, address or declaration number is not configured
     */
    public byte[] renderSynthesis(SynthesisPrint print) {
        CentreIdentity centre = centre(print.centreId());
        return render(SynthesisHtml.build(checked(print), centre, css), centre);
    }

    /**
     * The tripartite agreement as a PDF; its centre is {@code agreement.centreId()}.
     *
     * @throws CentreIdentityMissing when the centre's name, address or declaration number is not configured
     */
    public byte[] renderAgreement(AgreementPrint agreement) {
        CentreIdentity centre = centre(agreement.centreId());
        return render(AgreementHtml.build(agreement, centre, css), centre);
    }

    /**
     * A centre's audit pack as a PDF, in landscape pages; its centre is {@code pack.centreId()}.
     *
     * @throws CentreIdentityMissing when the centre's name, address or declaration number is not configured
     */
    public byte[] renderAuditPack(AuditPackPrint pack) {
        CentreIdentity centre = centre(pack.centreId());
        return render(AuditPackHtml.build(pack, centre, css), centre);
    }

    /** The HTML the synthèse is printed from (XHTML, UTF-8), for comparisons with other converters. */
    String synthesisHtml(SynthesisPrint print) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.METHOD, "html");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter html = new StringWriter();
            transformer.transform(new DOMSource(SynthesisHtml.build(checked(print), centre(print.centreId()), css)
                    .document()), new StreamResult(html));
            return html.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private CentreIdentity centre(String centreId) {
        return Objects.requireNonNullElse(centres.of(centreId), CentreIdentity.NONE).requireComplete(centreId);
    }

    private static SynthesisPrint checked(SynthesisPrint print) {
        Objects.requireNonNull(print.finalizeDate(), "finalizeDate");
        return print.content() != null && print.course() != null ? print
                : new SynthesisPrint(print.centreId(), print.beneficiaryName(), print.consultantName(),
                        Objects.requireNonNullElse(print.course(), BilanCourse.UNKNOWN), print.finalizeDate(),
                        print.version(),
                        Objects.requireNonNullElse(print.content(), Content.EMPTY),
                        print.beneficiaryObservations());
    }

    /** {@code page} as a PDF; package-private for tests that build hostile pages. */
    byte[] render(HtmlPage page, CentreIdentity centre) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        byte[] logo = centre.hasLogo() ? centre.logo() : null;
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfAConformance(PdfAConformance.PDFA_3_A)
                .usePdfUaAccessibility(true)
                .useColorProfile(colorProfile)
                .withProducer(PRODUCER)
                .useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetrics)
                // three locks on the one door: a URI other than the logo's is not resolved, not
                // allowed, and has no stream to read from
                .useUriResolver((base, uri) -> logo != null && HtmlPage.LOGO_URI.equals(uri) ? uri : null)
                .useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(PdfRenderer::allowed, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .useProtocolsStreamImplementation(NOTHING, REFUSED_PROTOCOLS)
                .useProtocolsStreamImplementation(
                        uri -> stream(logo != null && HtmlPage.LOGO_URI.equals(uri) ? logo : null), LOGO_PROTOCOL)
                .withW3cDocument(page.keepHeadingsWithNext().document(), BASE_URI)
                .toStream(pdf);
        for (Font font : fonts) {
            builder.useFont(() -> new ByteArrayInputStream(font.bytes()), FONT_FAMILY, font.weight(), font.style(), true);
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF", e);
        }
        return pdf.toByteArray();
    }

    private static boolean allowed(String uri, ExternalResourceType type) {
        return type == ExternalResourceType.IMAGE_RASTER && HtmlPage.LOGO_URI.equals(uri);
    }

    private static FSStream stream(byte[] bytes) {
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return bytes == null ? null : new InputStreamReader(getStream(), StandardCharsets.UTF_8);
            }
        };
    }

    private static Font font(String face, int weight, FontStyle style) {
        return new Font(resource(null, "liberation/LiberationSans-" + face + ".ttf"), weight, style);
    }

    /** A resource of the class path: beside {@code near}, or from its root without one. */
    private static byte[] resource(Class<?> near, String name) {
        try (InputStream in = near != null ? near.getResourceAsStream(name)
                : PdfRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
