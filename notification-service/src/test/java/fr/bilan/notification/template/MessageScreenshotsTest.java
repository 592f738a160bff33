package fr.bilan.notification.template;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.preview.SampleLetters;
import fr.bilan.support.testing.HeadlessChromium;

/**
 * Writes every kind of message, as the preview's sample letters give it, to files (HTML, text, .ics)
 * and has headless Chromium screenshot the HTML at a desktop and a phone width, for a person to look
 * at: {@code notification-shots/} under the temporary directory ({@code -Dbilan.notification.shots}
 * to change it). Skipped where Chromium is missing ({@code bash .ci/run} installs it).
 */
class MessageScreenshotsTest {

    private static final Path SHOTS = Path.of(System.getProperty("bilan.notification.shots",
            Path.of(System.getProperty("java.io.tmpdir"), "notification-shots").toString()));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "{0}")
    @EnumSource(NotificationKind.class)
    void everyKindIsWrittenToFilesAndScreenshotInABrowser(NotificationKind kind) throws Exception {
        RenderedMessage message = new ThymeleafMessageTemplates(Clock.fixed(ThymeleafMessageTemplatesTest.NOW,
                ZoneOffset.UTC), "ne-pas-repondre@centre.exemple.fr")
                .render(SampleLetters.of(kind, TODAY, URI.create("https://bilan.exemple.fr/")));
        Files.createDirectories(SHOTS);
        String name = kind.name().toLowerCase();
        Path html = SHOTS.resolve(name + ".html");
        Files.writeString(html, message.html(), StandardCharsets.UTF_8);
        Files.writeString(SHOTS.resolve(name + ".txt"), "Objet : " + message.subject() + "\n\n" + message.text(),
                StandardCharsets.UTF_8);
        for (RenderedMessage.Attachment attachment : message.attachments()) {
            Files.write(SHOTS.resolve(name + "-" + attachment.fileName()), attachment.content());
        }

        assumeTrue(HeadlessChromium.available(), HeadlessChromium.CHROMIUM
                + " is missing: install Debian's chromium (bash .ci/run "
                + "does it) to screenshot the messages");
        HeadlessChromium.screenshot(html, SHOTS.resolve(name + ".png"), 720, 1300);
        HeadlessChromium.screenshot(html, SHOTS.resolve(name + "-phone.png"), 390, 1300);
    }
}
