package fr.bilan.quality.survey.questionnaire;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.bilan.quality.survey.Question;
import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.SurveyKind;

/**
 * Every questionnaire version the network and its centres ever used, checked once at start: a survey is
 * asked and validated with the version it recorded, however many versions came since. A centre's version
 * is the network's followed by {@code +} and the label of its additions ({@code reseau-2026-1+centre-lyon-2}).
 */
public final class QuestionnaireCatalogue {

    private static final String SEPARATOR = "+";

    private final Map<SurveyKind, Map<String, Questionnaire>> network;
    private final Map<SurveyKind, String> current;
    private final Map<String, Map<SurveyKind, QuestionnaireProperties.Additions>> additions;

    /**
     * @param versions every network version, as read from its resource
     * @throws IllegalStateException naming every problem found, so that the service does not start with a
     *         questionnaire it cannot ask
     */
    public QuestionnaireCatalogue(List<Questionnaire> versions, QuestionnaireProperties properties) {
        List<String> problems = new ArrayList<>();
        this.network = new EnumMap<>(SurveyKind.class);
        for (Questionnaire questionnaire : versions) {
            QuestionnaireRules.problems(questionnaire).forEach(p -> problems.add(name(questionnaire) + ": " + p));
            if (network.computeIfAbsent(questionnaire.kind(), k -> new HashMap<>())
                    .putIfAbsent(questionnaire.version(), questionnaire) != null) {
                problems.add(name(questionnaire) + ": version defined twice");
            }
        }
        this.current = new EnumMap<>(Map.of(SurveyKind.END_OF_BILAN, properties.endOfBilan(), SurveyKind.FOLLOW_UP,
                properties.followUp(), SurveyKind.FUNDER_YEARLY, properties.funderYearly()));
        current.forEach((kind, version) -> {
            if (!network.getOrDefault(kind, Map.of()).containsKey(version)) {
                problems.add("bilan.quality.questionnaires." + settingOf(kind) + ": no " + kind + " questionnaire '"
                        + version + "' (classpath:questionnaires/" + settingOf(kind) + "/" + version + ".yaml)");
            }
        });
        this.additions = new HashMap<>();
        properties.centres().forEach((centreId, centre) -> {
            Map<SurveyKind, QuestionnaireProperties.Additions> byKind = new EnumMap<>(SurveyKind.class);
            if (centre.endOfBilan() != null) {
                byKind.put(SurveyKind.END_OF_BILAN, centre.endOfBilan());
            }
            if (centre.followUp() != null) {
                byKind.put(SurveyKind.FOLLOW_UP, centre.followUp());
            }
            if (centre.funderYearly() != null) {
                byKind.put(SurveyKind.FUNDER_YEARLY, centre.funderYearly());
            }
            byKind.forEach((kind, added) -> problems.addAll(additionProblems(centreId, kind, added)));
            additions.put(centreId, byKind);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Questionnaires refused:\n  " + String.join("\n  ", problems));
        }
    }

    /** The questionnaire a survey of {@code kind} of {@code centreId} is sent with today. */
    public Questionnaire current(SurveyKind kind, String centreId) {
        Questionnaire base = network.get(kind).get(current.get(kind));
        var added = centreAdditions(centreId, kind);
        if (added.isEmpty() || added.get().current() == null) {
            return base;
        }
        return combined(base, added.get().current(), added.get().versions().get(added.get().current()));
    }

    /** The questionnaire {@code version} of {@code kind} as {@code centreId} asked it; empty if never defined. */
    public Optional<Questionnaire> asked(SurveyKind kind, String centreId, String version) {
        int plus = version.indexOf(SEPARATOR);
        String networkVersion = plus < 0 ? version : version.substring(0, plus);
        Questionnaire base = network.getOrDefault(kind, Map.of()).get(networkVersion);
        if (base == null) {
            return Optional.empty();
        }
        if (plus < 0) {
            return Optional.of(base);
        }
        String label = version.substring(plus + 1);
        return centreAdditions(centreId, kind).map(QuestionnaireProperties.Additions::versions)
                .map(versions -> versions.get(label)).map(questions -> combined(base, label, questions));
    }

    private Optional<QuestionnaireProperties.Additions> centreAdditions(String centreId, SurveyKind kind) {
        return Optional.ofNullable(additions.getOrDefault(centreId, Map.of()).get(kind));
    }

    private static Questionnaire combined(Questionnaire base, String label,
            List<QuestionnaireProperties.AddedQuestion> added) {
        List<Question> questions = new ArrayList<>(base.questions());
        added.stream().map(QuestionnaireProperties.AddedQuestion::asQuestion).forEach(questions::add);
        return new Questionnaire(base.kind(), base.version() + SEPARATOR + label, base.title(), questions);
    }

    private List<String> additionProblems(String centreId, SurveyKind kind, QuestionnaireProperties.Additions added) {
        String setting = "bilan.quality.questionnaires.centres." + centreId + "." + settingOf(kind);
        List<String> problems = new ArrayList<>();
        if (added.current() != null && !added.versions().containsKey(added.current())) {
            problems.add(setting + ".current: no version '" + added.current() + "' in " + setting + ".versions");
        }
        // an addition may be asked with any network version: it must fit every one
        Set<String> networkIds = network.getOrDefault(kind, Map.of()).values().stream()
                .flatMap(q -> q.questions().stream()).map(Question::id).collect(Collectors.toCollection(LinkedHashSet::new));
        added.versions().forEach((label, questions) -> {
            if (!QuestionnaireRules.versionLabel(label)) {
                problems.add(setting + ".versions." + label + ": not a label of lower-case letters, digits, '.' and '-'");
            }
            if (questions == null || questions.isEmpty()) {
                problems.add(setting + ".versions." + label + ": no question");
                return;
            }
            QuestionnaireRules.additionProblems(questions.stream().map(QuestionnaireProperties.AddedQuestion::asQuestion)
                    .toList(), networkIds).forEach(p -> problems.add(setting + ".versions." + label + ": " + p));
        });
        return problems;
    }

    private static String name(Questionnaire questionnaire) {
        return "questionnaire " + questionnaire.kind() + " " + questionnaire.version();
    }

    /** The kind as settings and resource folders spell it: {@code end-of-bilan}, {@code follow-up}, {@code funder-yearly}. */
    public static String settingOf(SurveyKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
