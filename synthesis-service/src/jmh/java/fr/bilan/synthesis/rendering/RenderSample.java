package fr.bilan.synthesis.rendering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * For bench/synthesis-render.sh. {@code write <folder>}: the ten-page synthèse as the renderer's PDF
 * ({@code synthese.pdf}) and as the HTML it is rendered from ({@code synthese.html}), for LibreOffice
 * to convert; prints the PDF's page count. {@code pages <pdf>}: prints a PDF's page count.
 */
public final class RenderSample {

    private RenderSample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("write")) {
            Path folder = Files.createDirectories(Path.of(args[1]));
            PdfRenderer renderer = TenPageSynthesis.renderer();
            SynthesisPrint print = TenPageSynthesis.print();
            Files.writeString(folder.resolve("synthese.html"), renderer.synthesisHtml(print), StandardCharsets.UTF_8);
            Path pdf = folder.resolve("synthese.pdf");
            Files.write(pdf, renderer.renderSynthesis(print));
            System.out.println(pages(pdf));
        } else if (args.length == 2 && args[0].equals("pages")) {
            System.out.println(pages(Path.of(args[1])));
        } else {
            throw new IllegalArgumentException("usage: write <folder> | pages <pdf>");
        }
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }
}
