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

import org.junit.jupiter.api.Test;

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

    @Test
    void refusesAnUnknownKindNamingTheRule() {
        assertRefused(SHIPPED.replaceFirst("kinds: \\[SYNTHESIS_DOCUMENT]", "kinds: [SYNTHESE]"),
                "Rule cep-synthesis of regime r6313-7-before-2024: unknown document kind SYNTHESE");
    }

    @Test
    void refusesAnUnknownConditionNamingTheRule() {
        assertRefused(SHIPPED.replaceFirst("condition: follow-up-retention-granted", "condition: written"),
                "Rule written-agreement of regime r6313-7-before-2024: unknown condition written");
    }

    @Test
    void refusesANegativePeriodNamingTheRule() {
        assertRefused(SHIPPED.replaceFirst("period: P1Y", "period: P-1Y"),
                "Rule written-agreement of regime r6313-7-before-2024: period P-1Y is negative");
    }

    @Test
    void refusesAPeriodThatIsNotIso8601() {
        assertRefused(SHIPPED.replaceFirst("period: P1Y", "period: 1 an"),
                "Rule written-agreement of regime r6313-7-before-2024: period 1 an is not an ISO-8601 period");
    }

    @Test
    void refusesAKindWithoutAnUnconditionalRule() {
        assertRefused(SHIPPED.replaceFirst("kinds: \\[AGREEMENT, ATTENDANCE, PROCESS_EVIDENCE]", "kinds: [AGREEMENT, ATTENDANCE]"),
                "Regime r6313-7-before-2024: no rule with condition always covers [PROCESS_EVIDENCE]");
    }

    @Test
    void refusesOverlappingRegimes() {
        assertRefused(SHIPPED.replace("actions-started-before: \"2024-01-01\"", "actions-started-before: \"2024-02-01\""),
                "Regimes r6313-7-before-2024 and decret-2023-1350 overlap");
    }

    @Test
    void refusesAGapBetweenRegimes() {
        assertRefused(SHIPPED.replace("actions-started-before: \"2024-01-01\"", "actions-started-before: \"2023-12-01\""),
                "Gap between regimes r6313-7-before-2024 and decret-2023-1350: actions started from 2023-12-01 and before 2024-01-01");
    }

    @Test
    void refusesAGapBeforeTheFirstRegime() {
        assertRefused(SHIPPED.replace("    actions-started-before: \"2024-01-01\"",
                "    actions-started-from: \"2020-01-01\"\n    actions-started-before: \"2024-01-01\""),
                "actions started before 2020-01-01 fall under no regime");
    }

    @Test
    void refusesAGapAfterTheLastRegime() {
        assertRefused(SHIPPED.replace("    actions-started-from: \"2024-01-01\"",
                "    actions-started-from: \"2024-01-01\"\n    actions-started-before: \"2030-01-01\""),
                "Gap after regime decret-2023-1350");
    }

    @Test
    void refusesAnUnquotedDay() {
        assertRefused(SHIPPED.replace("actions-started-from: \"2024-01-01\"", "actions-started-from: 2024-01-01"),
                "Regime decret-2023-1350: actions-started-from must be a day written \"yyyy-MM-dd\", in quotes");
    }

    @Test
    void refusesTwoRulesWithTheSameId() {
        assertRefused(SHIPPED.replaceFirst("id: cep-synthesis", "id: written-agreement"),
                "Regime r6313-7-before-2024 has two rules with id written-agreement");
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
