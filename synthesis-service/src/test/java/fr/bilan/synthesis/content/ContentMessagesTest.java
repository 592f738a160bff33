package fr.bilan.synthesis.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.type.Date;

import fr.bilan.proto.synthesis.v1.ActionStep;
import fr.bilan.proto.synthesis.v1.FollowUp;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.support.refusal.InvalidFields;

/** The content as the contract writes it, both ways, and the dates a request may send. */
class ContentMessagesTest {

    private static final Set<Section> ALL = EnumSet.allOf(Section.class);

    @Test
    void aContentReadsBackAsItWasWrittenThroughTheContractAndItsStoredBytes() {
        SynthesisContent proto = ContentMessages.toProto(Contents.full());

        assertThat(ContentMessages.fromRequest(proto, ALL)).isEqualTo(Contents.full());
        assertThat(ContentMessages.fromBytes(ContentMessages.toBytes(Contents.full()), "test")).isEqualTo(Contents.full());
        assertThat(ContentMessages.toProto(Content.EMPTY)).isEqualTo(SynthesisContent.getDefaultInstance());
    }

    @Test
    void aDateThatIsNoDayOfTheCalendarIsRefusedByItsFieldAndAnEmptyOneIsNone() {
        SynthesisContent sent = SynthesisContent.newBuilder()
                .addActionPlan(ActionStep.newBuilder().setDescription("a").setDueDate(Date.newBuilder().setYear(2027)
                        .setMonth(2).setDay(30)))
                .addActionPlan(ActionStep.newBuilder().setDescription("b").setDueDate(Date.getDefaultInstance()))
                .setFollowUp(FollowUp.newBuilder().setProposedDate(Date.newBuilder().setYear(2027).setMonth(6)))
                .build();

        assertThatThrownBy(() -> ContentMessages.fromRequest(sent, ALL)).isInstanceOfSatisfying(InvalidFields.class,
                refused -> assertThat(refused.violations()).extracting(InvalidFields.Violation::field).containsExactly(
                        "synthesis.content.action_plan[0].due_date", "synthesis.content.follow_up.proposed_date"));
        Content stepB = ContentMessages.fromRequest(sent.toBuilder().removeActionPlan(0).clearFollowUp().build(), ALL);
        assertThat(stepB.actionPlan().get(0).dueDate()).isNull();
    }

    @Test
    void onlyTheSectionsAnUpdateNamesAreReadFromIt() {
        SynthesisContent sent = ContentMessages.toProto(Contents.full()).toBuilder()
                .setFollowUp(FollowUp.newBuilder().setProposedDate(Date.newBuilder().setYear(2027).setMonth(2)
                        .setDay(30)))
                .build();

        Content read = ContentMessages.fromRequest(sent, EnumSet.of(Section.CAREER_PATH));

        assertThat(read).isEqualTo(Content.EMPTY.with(Section.CAREER_PATH, Contents.full()));
    }
}
