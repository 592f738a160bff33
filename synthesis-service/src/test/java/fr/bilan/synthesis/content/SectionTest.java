package fr.bilan.synthesis.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.CareerProject;
import fr.bilan.synthesis.content.Content.Feasibility;
import fr.bilan.synthesis.content.Content.FollowUp;
import fr.bilan.synthesis.content.Content.Horizon;
import fr.bilan.synthesis.content.Content.Interests;
import fr.bilan.synthesis.content.Content.Skills;
import fr.bilan.synthesis.content.Content.TestResult;

/** The sections a synthèse cannot be final without (R6313-4), one row per way of lacking one. */
class SectionTest {

    static Stream<Arguments> lacks() {
        Content full = Contents.full();
        return Stream.of(
                row("no request context", Section.REQUEST_CONTEXT, c -> replace(c, Section.REQUEST_CONTEXT,
                        new Content(" ", "", null, null, null, List.of(), "", List.of(), null, null))),
                row("no career path", Section.CAREER_PATH, c -> c.with(Section.CAREER_PATH, Content.EMPTY)),
                row("only blank skills", Section.SKILLS, c -> replace(c, Section.SKILLS, new Content("", "",
                        new Skills(List.of(" "), List.of(""), List.of()), null, null, List.of(), "", List.of(), null,
                        null))),
                row("neither motivations nor tests", Section.INTERESTS, c -> c.with(Section.INTERESTS, Content.EMPTY)),
                row("no main project", Section.MAIN_PROJECT, c -> c.with(Section.MAIN_PROJECT, Content.EMPTY)),
                row("a main project without a title", Section.MAIN_PROJECT, c -> replace(c, Section.MAIN_PROJECT,
                        project(new CareerProject(" ", "", Feasibility.HIGH, "")))),
                row("a main project not judged feasible or not", Section.MAIN_PROJECT, c -> replace(c,
                        Section.MAIN_PROJECT, project(new CareerProject("Formatrice", "", null, "")))),
                row("no conditions and means", Section.CONDITIONS_AND_MEANS,
                        c -> c.with(Section.CONDITIONS_AND_MEANS, Content.EMPTY)),
                row("no action plan", Section.ACTION_PLAN, c -> c.with(Section.ACTION_PLAN, Content.EMPTY)),
                row("a step without a horizon", Section.ACTION_PLAN, c -> replace(c, Section.ACTION_PLAN,
                        steps(new ActionStep("S'inscrire", null, LocalDate.of(2027, 1, 4))))),
                row("a step without a date", Section.ACTION_PLAN, c -> replace(c, Section.ACTION_PLAN,
                        steps(new ActionStep("S'inscrire", Horizon.SHORT_TERM, null)))),
                row("a step without a description", Section.ACTION_PLAN, c -> replace(c, Section.ACTION_PLAN,
                        steps(new ActionStep(" ", Horizon.SHORT_TERM, LocalDate.of(2027, 1, 4))))),
                row("neither a follow-up date nor its terms", Section.FOLLOW_UP,
                        c -> c.with(Section.FOLLOW_UP, Content.EMPTY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lacks")
    void aContentLackingOneRequiredSectionNamesOnlyIt(String why, Section missing, UnaryOperator<Content> lacking) {
        assertThat(Section.missingIn(lacking.apply(Contents.full()))).containsExactly(missing);
    }

    static Stream<Arguments> enough() {
        return Stream.of(
                row("a test result without motivations", Section.INTERESTS, c -> replace(c, Section.INTERESTS,
                        new Content("", "", null, new Interests("", List.of(new TestResult("IRMR", "", null))), null,
                                List.of(), "", List.of(), null, null))),
                row("a follow-up date without terms", Section.FOLLOW_UP, c -> replace(c, Section.FOLLOW_UP,
                        new Content("", "", null, null, null, List.of(), "", List.of(), null,
                                new FollowUp(LocalDate.of(2027, 6, 1), "")))),
                row("follow-up terms without a date", Section.FOLLOW_UP, c -> replace(c, Section.FOLLOW_UP,
                        new Content("", "", null, null, null, List.of(), "", List.of(), null,
                                new FollowUp(null, "À votre demande.")))),
                row("no alternative project", Section.ALTERNATIVE_PROJECTS,
                        c -> c.with(Section.ALTERNATIVE_PROJECTS, Content.EMPTY)),
                row("no training", Section.TRAINING, c -> c.with(Section.TRAINING, Content.EMPTY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enough")
    void whatIsEnoughOrOptionalIsNeverMissing(String why, Section section, UnaryOperator<Content> written) {
        assertThat(Section.missingIn(written.apply(Contents.full()))).isEmpty();
    }

    @Test
    void anEmptySynthesisLacksTheEightRequiredSectionsInTheOrderOfTheDocumentAndSaysSoInFrench() {
        List<Section> missing = Section.missingIn(Content.EMPTY);

        assertThat(missing).containsExactly(Section.REQUEST_CONTEXT, Section.CAREER_PATH, Section.SKILLS,
                Section.INTERESTS, Section.MAIN_PROJECT, Section.CONDITIONS_AND_MEANS, Section.ACTION_PLAN,
                Section.FOLLOW_UP);
        assertThat(Section.describe(List.of(Section.CONDITIONS_AND_MEANS, Section.ACTION_PLAN))).isEqualTo(
                "Avant de finaliser la synthèse, complétez : les conditions et moyens de réalisation, le plan d'action "
                        + "(étapes, échéances et dates).");
    }

    private static Arguments row(String why, Section section, UnaryOperator<Content> change) {
        return Arguments.of(why, section, change);
    }

    private static Content replace(Content content, Section section, Content from) {
        return content.with(section, from);
    }

    private static Content project(CareerProject project) {
        return new Content("", "", null, null, project, List.of(), "", List.of(), null, null);
    }

    private static Content steps(ActionStep... steps) {
        return new Content("", "", null, null, null, List.of(), "", List.of(steps), null, null);
    }
}
