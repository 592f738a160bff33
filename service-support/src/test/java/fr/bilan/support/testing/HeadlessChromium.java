package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for the tests that screenshot what a person reads (a message, a page) for a
 * person to look at: {@code -Dbilan.chromium} names another binary. Where it is missing, such a test skips
 * ({@code bash .ci/run} installs it).
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of(System.getProperty("bilan.chromium", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    /** Whether Chromium is there to run. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * Screenshots {@code html} in a window {@code width} × {@code height} to {@code png}, and checks a real
     * PNG was written (not an error page's few bytes) within 90 s.
     */
    public static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        Path log = Files.createTempFile("chromium", ".log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = chromium.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            chromium.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertThat(finished).as("Chromium finished within 90 s:\n" + output).isTrue();
        assertThat(png).as("Chromium wrote " + png + ":\n" + output).isNotEmptyFile();
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(10_000);
    }
}
