package fr.bilan.synthesis.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.synthesis.content.Section;

/** The update masks the contract sends: whole sections only, named as its fields are. */
class SynthesisMessagesTest {

    @Test
    void noMaskOrTheWholeContentNamesEverySection() {
        assertThat(SynthesisMessages.sections(List.of())).isEqualTo(EnumSet.allOf(Section.class));
        assertThat(SynthesisMessages.sections(List.of("content", "content.salary")))
                .isEqualTo(EnumSet.allOf(Section.class));
    }

    @Test
    void eachPathNamesOneSectionByTheContractsFieldName() {
        assertThat(SynthesisMessages.sections(List.of("content.request_context", "content.follow_up")))
                .containsExactly(Section.REQUEST_CONTEXT, Section.FOLLOW_UP);
    }

    @Test
    void aPathThatIsNoSectionIsRefusedListingTheSections() {
        assertThatThrownBy(() -> SynthesisMessages.sections(List.of("content.skills", "content.salary", "skills")))
                .isInstanceOfSatisfying(InvalidFields.class, refused -> {
                    assertThat(refused.violations()).extracting(InvalidFields.Violation::field)
                            .containsExactly("update_mask", "update_mask");
                    assertThat(refused.violations().get(0).description()).isEqualTo("« content.salary » n'est pas une "
                            + "section de la synthèse ; sections : content.request_context, content.career_path, "
                            + "content.skills, content.interests, content.main_project, content.alternative_projects, "
                            + "content.conditions_and_means, content.action_plan, content.training, content.follow_up.");
                });
    }
}
