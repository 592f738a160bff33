package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reading rendered PDFs back, as a reader's tools would. */
final class Pdfs {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Pdfs() {
    }

    static PDDocument open(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of each page, no-break spaces read as spaces. */
    static List<String> pages(byte[] pdf) {
        try (PDDocument document = open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replace('\u00a0', ' '));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return String.join("\n", pages(pdf));
    }

    /** The pages' text with every run of white space as one space: how a sentence reads across line ends. */
    static String flat(List<String> pages) {
        return String.join(" ", pages).replaceAll("\\s+", " ");
    }

    /** Every page has each of {@code expected}, and « Page n sur N » for its own number. */
    static void assertEveryPage(List<String> pages, String... expected) {
        assertThat(pages).isNotEmpty();
        for (int page = 0; page < pages.size(); page++) {
            assertThat(flat(List.of(pages.get(page)))).as("page %d", page + 1).contains(expected)
                    .contains("Page " + (page + 1) + " sur " + pages.size());
        }
    }

    /** The text a page draws as artefacts (page furniture: header, footer, a draft's band), which readers skip. */
    static String artifactText(PDPage page) {
        return markedText(page, true);
    }

    /** The text a page draws as tagged content, which the structure tree orders and readers read. */
    static String taggedText(PDPage page) {
        return markedText(page, false);
    }

    private static String markedText(PDPage page, boolean artifacts) {
        try {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            StringBuilder text = new StringBuilder();
            extractor.getMarkedContents().forEach(content -> collect(content, artifacts, false, text));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(PDMarkedContent content, boolean artifacts, boolean inArtifact, StringBuilder text) {
        boolean artifact = inArtifact || "Artifact".equals(content.getTag());
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition position && artifact == artifacts) {
                text.append(position.getUnicode());
            } else if (item instanceof PDMarkedContent nested) {
                collect(nested, artifacts, artifact, text);
            }
        }
    }

    /**
     * Per page, how many pixels of its top quarter have the draft band's background (#fbe9e9), the
     * page drawn at 50 dpi as a viewer would: what a reader sees of the « PROJET » band.
     */
    static List<Integer> draftBandPixels(byte[] pdf) {
        try (PDDocument document = open(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<Integer> counts = new ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 50, ImageType.RGB);
                int count = 0;
                for (int y = 0; y < image.getHeight() / 4; y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y);
                        if (near(rgb >> 16 & 0xff, 0xfb) && near(rgb >> 8 & 0xff, 0xe9) && near(rgb & 0xff, 0xe9)) {
                            count++;
                        }
                    }
                }
                counts.add(count);
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean near(int channel, int expected) {
        return Math.abs(channel - expected) <= 4;
    }

    /** How many images the pages draw (XObjects of their resources). */
    static int images(byte[] pdf) {
        try (PDDocument document = open(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules veraPDF finds broken for {@code flavour}; empty when compliant. */
    static List<String> violations(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = new ArrayList<>(result.getTestAssertions().stream()
                    .filter(check -> check.getStatus() != TestAssertion.Status.PASSED)
                    .map(check -> check.getRuleId().getClause() + "-" + check.getRuleId().getTestNumber() + " "
                            + check.getMessage())
                    .distinct().toList());
            if (failed.isEmpty() && (!result.isCompliant() || result.getTotalAssertions() == 0
                    || result.getPDFAFlavour() != flavour)) {
                // a verdict without the failed checks listed, no check run, or another profile run is no pass either
                failed.add("not compliant with " + flavour + " (" + result.getPDFAFlavour() + ", "
                        + result.getTotalAssertions() + " checks run)");
            }
            return failed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small PNG logo with transparency, made here rather than committed. */
    static byte[] logo() {
        BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x1f4e79));
        graphics.fillOval(4, 4, 72, 72);
        graphics.setColor(new Color(0xf2a900));
        graphics.fillRect(96, 24, 136, 32);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
