package fr.bilan.quality.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A survey's life: which change each state allows, and when its link opens it. */
class SurveyTest {

    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    static Survey planned() {
        return Survey.planned("s1", "a1", "c1", SurveyKind.END_OF_BILAN, "v1", T0, LocalDate.of(2026, 6, 1));
    }

    static Survey sent() {
        return planned().sent(T0, Duration.ofDays(21), "salt", "hash");
    }

    @Test
    void sentItOpensUntilItsLinkExpires() {
        Survey sent = sent();
        assertThat(sent.state()).isEqualTo(SurveyState.SENT);
        assertThat(sent.expireTime()).isEqualTo(T0.plus(Duration.ofDays(21)));
        assertThat(sent.openAt(T0.plus(Duration.ofDays(20)))).isTrue();
        assertThat(sent.openAt(T0.plus(Duration.ofDays(21)))).isFalse();
        assertThat(planned().openAt(T0)).isFalse();
    }

    @Test
    void savedAnswersMakeItPartialAndSendingForGoodClosesIt() {
        Survey partial = sent().saved(Map.of("note", "4"));
        assertThat(partial.state()).isEqualTo(SurveyState.PARTIALLY_ANSWERED);
        assertThat(partial.saved(Map.of()).state()).isEqualTo(SurveyState.SENT);
        Survey answered = partial.submitted(Map.of("note", "4"), true, T0.plusSeconds(60));
        assertThat(answered.state()).isEqualTo(SurveyState.ANSWERED);
        assertThat(answered.satisfied()).isTrue();
        assertThat(answered.answerTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(answered.openAt(T0.plusSeconds(61))).isFalse();
    }

    @Test
    void aFundersSurveyNamesItsFunderAndYearAndNoBilanAndLivesTheSameLife() {
        Survey funders = Survey.ofFunder("s2", "f1", 2026, "c1", "v1", T0).sent(T0, Duration.ofDays(21), "salt", "hash");
        assertThat(funders.kind()).isEqualTo(SurveyKind.FUNDER_YEARLY);
        assertThat(funders.assessmentId()).isNull();
        assertThat(funders.endDate()).isNull();
        assertThat(funders.reminded(T0.plus(Duration.ofDays(7))).submitted(Map.of("note", "5"), true, T0.plusSeconds(9))
                .state()).isEqualTo(SurveyState.ANSWERED);
        assertThat(planned().funderId()).isNull();
        assertThat(planned().year()).isNull();
    }

    static Stream<Arguments> mixedSubjects() {
        return Stream.of(
                Arguments.of("a bilan's survey naming a funder", "a1", "f1", 2026, SurveyKind.END_OF_BILAN),
                Arguments.of("a bilan's survey without its bilan", null, null, null, SurveyKind.FOLLOW_UP),
                Arguments.of("a funder's survey naming a bilan", "a1", "f1", 2026, SurveyKind.FUNDER_YEARLY),
                Arguments.of("a funder's survey without its year", null, "f1", null, SurveyKind.FUNDER_YEARLY),
                Arguments.of("a funder's survey without its funder", null, null, 2026, SurveyKind.FUNDER_YEARLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mixedSubjects")
    void aSurveyIsABilansOrAFundersNeverBothNorNeither(String what, String assessmentId, String funderId,
            Integer year, SurveyKind kind) {
        assertThatThrownBy(() -> new Survey("s", assessmentId, funderId, year, "c1", kind, SurveyState.PLANNED, "v1",
                T0, null, java.util.List.of(), null, null, null, null, Map.of(), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> refusedChanges() {
        return Stream.of(
                Arguments.of("send twice", (UnaryOperator<Survey>) s -> s.sent(T0, Duration.ofDays(1), "x", "y"), sent()),
                Arguments.of("remind before sending", (UnaryOperator<Survey>) s -> s.reminded(T0), planned()),
                Arguments.of("save before sending", (UnaryOperator<Survey>) s -> s.saved(Map.of()), planned()),
                Arguments.of("answer twice", (UnaryOperator<Survey>) s -> s.submitted(Map.of(), null, T0),
                        sent().submitted(Map.of(), null, T0)),
                Arguments.of("lapse once answered", (UnaryOperator<Survey>) Survey::lapsed,
                        sent().submitted(Map.of(), null, T0)),
                Arguments.of("give up once sent", (UnaryOperator<Survey>) Survey::notSent, sent()),
                Arguments.of("save once lapsed", (UnaryOperator<Survey>) s -> s.saved(Map.of()), sent().lapsed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedChanges")
    void aChangeItsStateDoesNotAllowIsRefused(String change, UnaryOperator<Survey> apply, Survey survey) {
        assertThatThrownBy(() -> apply.apply(survey)).isInstanceOf(IllegalStateException.class);
    }
}
