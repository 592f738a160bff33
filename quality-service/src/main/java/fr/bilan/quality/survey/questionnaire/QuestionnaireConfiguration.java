package fr.bilan.quality.survey.questionnaire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import fr.bilan.quality.survey.Questionnaire;
import fr.bilan.quality.survey.SurveyKind;

/**
 * The questionnaires, read from {@code classpath:questionnaires/<kind>/<version>.yaml} and the centres'
 * settings at start: a malformed one stops the start, with what is wrong where.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuestionnaireProperties.class)
class QuestionnaireConfiguration {

    @Bean
    QuestionnaireCatalogue questionnaireCatalogue(QuestionnaireProperties properties) {
        return new QuestionnaireCatalogue(readAll(), properties);
    }

    static List<Questionnaire> readAll() {
        List<Questionnaire> versions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        var resolver = new PathMatchingResourcePatternResolver(QuestionnaireConfiguration.class.getClassLoader());
        for (SurveyKind kind : SurveyKind.values()) {
            String folder = "questionnaires/" + QuestionnaireCatalogue.settingOf(kind) + "/";
            try {
                for (Resource resource : resolver.getResources("classpath*:" + folder + "*.yaml")) {
                    String where = folder + resource.getFilename();
                    try {
                        Questionnaire read = QuestionnaireFile.parse(resource.getContentAsString(StandardCharsets.UTF_8));
                        String expected = resource.getFilename().substring(0, resource.getFilename().length() - 5);
                        if (read.kind() != kind || !read.version().equals(expected)) {
                            problems.add(where + ": says " + read.kind() + " " + read.version()
                                    + ", its place says " + kind + " " + expected);
                        }
                        versions.add(read);
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Questionnaires of " + folder + " unreadable", e);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Questionnaires refused:\n  " + String.join("\n  ", problems));
        }
        return versions;
    }
}
