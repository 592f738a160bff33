package fr.bilan.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.notification.message.NotificationKind;

/**
 * What a screen reader and a reader with low vision need of every message (WCAG 2.1 AA): the language,
 * a title, one first-level heading, headers to the facts' table, no image, link texts that say where
 * they lead, and text colours contrasting at least 4.5:1 with what they are written on, read from the
 * layout's own style sheet.
 */
class AccessibleMessagesTest {

    private static final ThymeleafMessageTemplates TEMPLATES = new ThymeleafMessageTemplates(java.time.Clock.systemUTC(),
            "ne-pas-repondre@centre.exemple.fr");

    @ParameterizedTest(name = "{0}")
    @EnumSource(NotificationKind.class)
    void everyKindIsStructuredForAScreenReader(NotificationKind kind) {
        String html = TEMPLATES.render(ThymeleafMessageTemplatesTest.letter(kind, ThymeleafMessageTemplatesTest.subjectOf(kind)))
                .html();

        assertThat(html).contains("<html lang=\"fr\">").containsPattern("<title>[^<]+</title>").doesNotContain("<img");
        assertThat(count(html, "<h1")).as("one first-level heading").isEqualTo(1);
        assertThat(count(html, "<th ")).as("every header of a table says what it heads")
                .isEqualTo(count(html, "<th scope=\"row\">"));
        Matcher links = Pattern.compile("<a [^>]*>([^<]*)</a>").matcher(html);
        while (links.find()) {
            assertThat(links.group(1).strip()).as("a link's text").isNotBlank()
                    .doesNotContainIgnoringCase("cliquez ici").doesNotContainIgnoringCase("ici");
        }
    }

    /** Each rule that writes text, and what it is written on when the rule gives no background of its own. */
    static Stream<Arguments> textOnBackground() {
        return Stream.of(
                Arguments.of("body", "body"),
                Arguments.of(".sender", ".card"),
                Arguments.of("h1", ".card"),
                Arguments.of("h2", ".card"),
                Arguments.of("table.facts th", ".card"),
                Arguments.of("a", ".card"),
                Arguments.of(".action a", ".action a"),
                Arguments.of(".fallback", ".card"),
                Arguments.of(".notice", "body"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("textOnBackground")
    void textContrastsEnoughWithWhatItIsWrittenOn(String rule, String backgroundRule) throws IOException {
        Map<String, Map<String, String>> styles = styles();
        String text = styles.get(rule).get("color");
        String background = styles.get(backgroundRule).get("background-color");

        assertThat(contrast(text, background)).as("%s (%s) on %s", rule, text, background).isGreaterThanOrEqualTo(4.5);
    }

    /** The layout's style sheet: per selector, its declarations. */
    private static Map<String, Map<String, String>> styles() throws IOException {
        String layout;
        try (InputStream in = AccessibleMessagesTest.class.getResourceAsStream("/templates/messages/layout.html")) {
            layout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String css = layout.substring(layout.indexOf("<style>"), layout.indexOf("</style>"));
        Map<String, Map<String, String>> rules = new HashMap<>();
        Matcher rule = Pattern.compile("([^{}<>]+)\\{([^}]*)}").matcher(css);
        while (rule.find()) {
            Map<String, String> declarations = new HashMap<>();
            for (String declaration : rule.group(2).split(";")) {
                String[] parts = declaration.split(":", 2);
                if (parts.length == 2) {
                    declarations.put(parts[0].strip(), parts[1].strip());
                }
            }
            for (String selector : rule.group(1).split(",")) {
                rules.computeIfAbsent(selector.strip().replaceAll("\\s+", " "), s -> new HashMap<>()).putAll(declarations);
            }
        }
        return rules;
    }

    /** WCAG 2.1's contrast ratio of two {@code #rrggbb} colours. */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
