package fr.bilan.quality.survey.questionnaire;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.QuestionType;

/**
 * {@code bilan.quality.questionnaires.*}: the network's questionnaire each kind of survey is sent with today
 * (a version of {@code classpath:questionnaires/<kind>/<version>.yaml}), and the centres' additions.
 *
 * @param endOfBilan the network's current "à chaud" version
 * @param followUp   the network's current "à froid" version
 * @param funderYearly the network's current version of the funders' yearly survey
 * @param centres    the additions of each centre, by centre id
 */
@ConfigurationProperties(prefix = "bilan.quality.questionnaires", ignoreUnknownFields = false)
public record QuestionnaireProperties(String endOfBilan, String followUp, String funderYearly,
        Map<String, CentreAdditions> centres) {

    public QuestionnaireProperties {
        endOfBilan = endOfBilan == null ? "reseau-2026-1" : endOfBilan;
        followUp = followUp == null ? "reseau-2026-1" : followUp;
        funderYearly = funderYearly == null ? "reseau-2026-1" : funderYearly;
        centres = centres == null ? Map.of() : Map.copyOf(centres);
    }

    /** A centre's additions to each kind; {@code null}: none. */
    public record CentreAdditions(Additions endOfBilan, Additions followUp, Additions funderYearly) {
    }

    /**
     * The questions a centre adds to one kind, every version it ever used (surveys answered with an older
     * one are read with it).
     *
     * @param current  the version sent today
     * @param versions the questions of each version, by its label (e.g. {@code centre-lyon-2})
     */
    public record Additions(String current, Map<String, List<AddedQuestion>> versions) {

        public Additions {
            versions = versions == null ? Map.of() : Map.copyOf(versions);
        }
    }

    /** A question a centre adds, written like a questionnaire file's (never the headline). */
    public record AddedQuestion(String id, String label, QuestionType type, boolean required, Integer min, Integer max,
            Integer satisfiedFrom, String minLabel, String maxLabel, List<Question.Choice> choices) {

        Question asQuestion() {
            return new Question(id, label, type, required, min == null ? 0 : min, max == null ? 0 : max,
                    satisfiedFrom == null ? 0 : satisfiedFrom, minLabel, maxLabel,
                    choices == null ? List.of() : choices, false, true);
        }
    }
}
