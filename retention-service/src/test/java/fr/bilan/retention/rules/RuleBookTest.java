package fr.bilan.retention.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.retention.rules.RuleBook.InvalidRulesException;

class RuleBookTest {

    private static final String SHIPPED = shipped();

    @Test
    void theShippedRulesHaveTwoRegimesSplitOnTheFirstOfJanuary2024() {
        RuleBook rules = RuleBook.fromClasspath();

        assertThat(rules.regimes()).extracting(Regime::id).containsExactly("r6313-7-before-2024", "decret-2023-1350");
        assertThat(rules.regimeFor(LocalDate.of(2023, 12, 31)).id()).isEqualTo("r6313-7-before-2024");
        assertThat(rules.regimeFor(LocalDate.of(2024, 1, 1)).id()).isEqualTo("decret-2023-1350");
        assertThat(rules.regimeFor(LocalDate.of(1990, 1, 1)).id()).isEqualTo("r6313-7-before-2024");
        RetentionRule agreement = rules.regimeFor(LocalDate.of(2024, 1, 1)).rules().get(1);
        assertThat(agreement.id()).isEqualTo("written-agreement");
        assertThat(agreement.version()).isEqualTo(2);
        assertThat(agreement.period()).isEqualTo(Period.ofYears(3));
        assertThat(agreement.condition()).isEqualTo(RetentionCondition.FOLLOW_UP_RETENTION_GRANTED);
        assertThat(agreement.source()).contains("R6313-7, b");
    }

    /** Each mistake a rules file may hold, and the message that stops the start, naming where it is. */
    static Stream<Arguments> faultyRuleFiles() {
        return Stream.of(
                faulty("an unknown kind", SHIPPED.replaceFirst("kinds: \\[SYNTHESIS_DOCUMENT]", "kinds: [SYNTHESE]"),
                        "Rule cep-synthesis of regime r6313-7-before-2024: unknown document kind SYNTHESE"),
                faulty("an unknown condition", SHIPPED.replaceFirst("condition: follow-up-retention-granted",
                        "condition: written"),
                        "Rule written-agreement of regime r6313-7-before-2024: unknown condition written"),
                faulty("a negative period", SHIPPED.replaceFirst("period: P1Y", "period: P-1Y"),
                        "Rule written-agreement of regime r6313-7-before-2024: period P-1Y is negative"),
                faulty("a period not ISO-8601", SHIPPED.replaceFirst("period: P1Y", "period: 1 an"),
                        "Rule written-agreement of regime r6313-7-before-2024: period 1 an is not an ISO-8601 period"),
                faulty("a kind without an unconditional rule", SHIPPED.replaceFirst(
                        "kinds: \\[AGREEMENT, ATTENDANCE, PROCESS_EVIDENCE]", "kinds: [AGREEMENT, ATTENDANCE]"),
                        "Regime r6313-7-before-2024: no rule with condition always covers [PROCESS_EVIDENCE]"),
                faulty("overlapping regimes", SHIPPED.replace("actions-started-before: \"2024-01-01\"",
                        "actions-started-before: \"2024-02-01\""),
                        "Regimes r6313-7-before-2024 and decret-2023-1350 overlap"),
                faulty("a gap between regimes", SHIPPED.replace("actions-started-before: \"2024-01-01\"",
                        "actions-started-before: \"2023-12-01\""),
                        "Gap between regimes r6313-7-before-2024 and decret-2023-1350: actions started from 2023-12-01 "
                                + "and before 2024-01-01"),
                faulty("a gap before the first regime", SHIPPED.replace("    actions-started-before: \"2024-01-01\"",
                        "    actions-started-from: \"2020-01-01\"\n    actions-started-before: \"2024-01-01\""),
                        "actions started before 2020-01-01 fall under no regime"),
                faulty("a gap after the last regime", SHIPPED.replace("    actions-started-from: \"2024-01-01\"",
                        "    actions-started-from: \"2024-01-01\"\n    actions-started-before: \"2030-01-01\""),
                        "Gap after regime decret-2023-1350"),
                faulty("an unquoted day", SHIPPED.replace("actions-started-from: \"2024-01-01\"",
                        "actions-started-from: 2024-01-01"),
                        "Regime decret-2023-1350: actions-started-from must be a day written \"yyyy-MM-dd\", in quotes"),
                faulty("two rules with the same id", SHIPPED.replaceFirst("id: cep-synthesis", "id: written-agreement"),
                        "Regime r6313-7-before-2024 has two rules with id written-agreement"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyRuleFiles")
    void refusesAFaultyRulesFileNamingWhatIsWrong(String mistake, String yaml, String message) {
        // the edit must have changed the file, or the case would test the shipped rules
        assertThat(yaml).as(mistake).isNotEqualTo(SHIPPED);
        assertRefused(yaml, message);
    }

    private static Arguments faulty(String mistake, String yaml, String message) {
        return Arguments.of(mistake, yaml, message);
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> RuleBook.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidRulesException.class).hasMessageContaining(message);
    }

    private static String shipped() {
        try (InputStream in = RuleBookTest.class.getClassLoader().getResourceAsStream(RuleBook.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
