package fr.bilan.quality.survey;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.annotation.Primary;

import fr.bilan.quality.followup.FollowUpAnswers;

/**
 * The follow-up's side of the "à froid" page, recorded: the follow-up package (another part of the service)
 * implements it; the surveys' tests only check what they pass on.
 */
@Primary
public class RecordingFollowUpAnswers implements FollowUpAnswers {

    /** One answer passed on. */
    public record Answer(String assessmentId, boolean accepted, Instant when) {
    }

    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    @Override
    public void answeredFromLink(String assessmentId, boolean accepted, Instant when) {
        answers.add(new Answer(assessmentId, accepted, when));
    }

    public List<Answer> of(String assessmentId) {
        return answers.stream().filter(answer -> answer.assessmentId().equals(assessmentId)).toList();
    }
}
