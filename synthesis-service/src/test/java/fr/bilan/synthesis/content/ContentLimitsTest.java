package fr.bilan.synthesis.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.CareerProject;
import fr.bilan.synthesis.content.Content.Interests;
import fr.bilan.synthesis.content.Content.Riasec;
import fr.bilan.synthesis.content.Content.Skills;
import fr.bilan.synthesis.content.Content.TestResult;

/** What a saved synthèse may hold, one row per limit, each refused by the field the contract names. */
class ContentLimitsTest {

    private static final String LONG_TEXT = "x".repeat(ContentLimits.MAX_TEXT + 1);
    private static final String LONG_ITEM = "x".repeat(ContentLimits.MAX_ITEM + 1);

    static Stream<Arguments> beyond() {
        return Stream.of(
                Arguments.of(content(LONG_TEXT, null, null, List.of()), "synthesis.content.request_context"),
                Arguments.of(content("", new Skills(Collections.nCopies(ContentLimits.MAX_ITEMS + 1, "a"), List.of(),
                        List.of()), null, List.of()), "synthesis.content.skills.knowledge"),
                Arguments.of(content("", new Skills(List.of(), List.of("a", LONG_ITEM), List.of()), null, List.of()),
                        "synthesis.content.skills.skills[1]"),
                Arguments.of(content("", null, new Interests("", List.of(new TestResult(" ", "", null))), List.of()),
                        "synthesis.content.interests.test_results[0].test_name"),
                Arguments.of(content("", null, new Interests("", List.of(new TestResult("IRMR", "",
                        new Riasec(0, 101, 0, 0, 0, 0)))), List.of()), "synthesis.content.interests.test_results[0].riasec"),
                Arguments.of(content("", null, new Interests("", List.of(new TestResult("IRMR", "",
                        new Riasec(-1, 0, 0, 0, 0, 0)))), List.of()), "synthesis.content.interests.test_results[0].riasec"),
                Arguments.of(content("", null, new Interests("", Collections.nCopies(ContentLimits.MAX_TESTS + 1,
                        new TestResult("IRMR", "", null))), List.of()), "synthesis.content.interests.test_results"),
                Arguments.of(content("", null, null, List.of(new ActionStep(LONG_ITEM, null, null))),
                        "synthesis.content.action_plan[0].description"),
                Arguments.of(new Content("", "", null, null, new CareerProject(LONG_ITEM, "", null, ""), List.of(), "",
                        List.of(), null, null), "synthesis.content.main_project.title"),
                Arguments.of(new Content("", "", null, null, null, Collections.nCopies(
                        ContentLimits.MAX_ALTERNATIVES + 1, new CareerProject("Formatrice", "", null, "")), "",
                        List.of(), null, null), "synthesis.content.alternative_projects"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("beyond")
    void whatIsBeyondALimitIsNamedByItsField(Content content, String field) {
        assertThatThrownBy(() -> ContentLimits.check(content)).isInstanceOfSatisfying(InvalidFields.class,
                refused -> assertThat(refused.violations()).extracting(InvalidFields.Violation::field)
                        .containsExactly(field));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("within")
    void whatIsWithinTheLimitsPasses(Content content) {
        assertThatCode(() -> ContentLimits.check(content)).doesNotThrowAnyException();
    }

    static Stream<Content> within() {
        return Stream.of(Content.EMPTY, Contents.full(), content("x".repeat(ContentLimits.MAX_TEXT), new Skills(
                Collections.nCopies(ContentLimits.MAX_ITEMS, "x".repeat(ContentLimits.MAX_ITEM)), List.of(), List.of()),
                new Interests("", List.of(new TestResult("IRMR", "", new Riasec(0, 100, 0, 0, 0, 0)))), List.of()));
    }

    private static Content content(String requestContext, Skills skills, Interests interests, List<ActionStep> plan) {
        return new Content(requestContext, "", skills, interests, null, List.of(), "", plan, null, null);
    }
}
